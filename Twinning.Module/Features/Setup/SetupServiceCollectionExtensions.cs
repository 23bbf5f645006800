using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Setup;

public static class SetupServiceCollectionExtensions
{
    /// <summary>Schema migration and first-run provisioning at start-up.</summary>
    public static IServiceCollection AddTwinningSetup(this IServiceCollection services)
    {
        services.AddHostedService<SetupService>();
        return services;
    }
}
