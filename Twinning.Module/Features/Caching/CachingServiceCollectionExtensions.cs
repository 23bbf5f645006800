using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>ETags and the server-side cache of anonymous API answers, both keyed by the site change token (Features/Storage).</summary>
    public static IServiceCollection AddTwinningCaching(this IServiceCollection services)
    {
        services.AddSingleton<ResponseCache>();
        services.AddOptions<HttpCachingOptions>().BindConfiguration(HttpCachingOptions.Section);
        // Documented with the HTTP caching settings, as it decides how soon an ETag sees other instances' writes.
        services.AddOptions<SiteChangeOptions>().BindConfiguration(HttpCachingOptions.Section);
        return services;
    }

    /// <summary>After authentication: the ETag depends on who asks.</summary>
    public static IApplicationBuilder UseTwinningCaching(this IApplicationBuilder app) => app.UseMiddleware<HttpCachingMiddleware>();
}
