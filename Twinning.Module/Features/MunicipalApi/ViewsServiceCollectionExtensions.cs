using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.JsonLd;

namespace Twinning.Module.Features.MunicipalApi;

public static class ViewsServiceCollectionExtensions
{
    /// <summary>The twinning views: iCalendar, GeoJSON, JSON-LD and opening status.</summary>
    public static IServiceCollection AddTwinningViews(this IServiceCollection services)
    {
        services.AddScoped<ForumCalendar>();
        services.AddScoped<JsonLdBuilder>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwinningViews(this IEndpointRouteBuilder routes)
    {
        routes.MapViewsApi();
        return routes;
    }
}
