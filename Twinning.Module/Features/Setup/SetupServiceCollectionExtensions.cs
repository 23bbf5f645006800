using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Health;

namespace Twinning.Module.Features.Setup;

public static class SetupServiceCollectionExtensions
{
    /// <summary>Schema migration and first-run provisioning at start-up, and the readiness check.</summary>
    public static IServiceCollection AddTwinningSetup(this IServiceCollection services)
    {
        services.AddHostedService<SetupService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
