using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Site;

public static class SiteServiceCollectionExtensions
{
    /// <summary>The stored site settings document.</summary>
    public static IServiceCollection AddTwinningSite(this IServiceCollection services)
        => services.AddScoped<SiteService>();
}
