using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Twinning.Module.Features.Health;

/// <summary>Probes for process supervisors, load balancers and orchestrators.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapTwinningHealth(this IEndpointRouteBuilder routes)
    {
        var ready = new HealthCheckOptions { ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable } };
        // Liveness runs no check: a database outage must not make a supervisor restart a process that is fine.
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // Readiness: the database answers and setup has provisioned it. /health is the same probe, kept for
        // monitors configured before the split.
        routes.MapHealthChecks("/health/ready", ready);
        routes.MapHealthChecks("/health", ready);
        return routes;
    }
}
