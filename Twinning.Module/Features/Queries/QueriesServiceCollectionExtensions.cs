using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Queries;

public static class QueriesServiceCollectionExtensions
{
    /// <summary>The content query service over the index tables, with its paging limits (<c>Twinning:Queries</c>).</summary>
    public static IServiceCollection AddTwinningQueries(this IServiceCollection services)
    {
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContentCountCache>();
        services.AddScoped<ContentQuery>();
        return services;
    }

    public static IApplicationBuilder UseTwinningQueries(this IApplicationBuilder app) => app;

    /// <summary><c>GET /api/content</c>, the list beside Orchard's <c>GET /api/content/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapTwinningQueries(this IEndpointRouteBuilder routes)
    {
        routes.MapContentList();
        return routes;
    }
}
