using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>The readiness check: the database answers and setup has provisioned it.</summary>
    public static IServiceCollection AddTwinningHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
