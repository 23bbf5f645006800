using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>The schema cache, the per-request batch loader and its compiled reads, and the limits (<c>Twinning:GraphQL</c>).</summary>
    public static IServiceCollection AddTwinningGraphQL(this IServiceCollection services)
    {
        services.AddOptions<GraphQLOptions>().BindConfiguration(GraphQLOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContentSchemaCache>();
        services.AddSingleton<GraphQLDocumentCache>();
        services.AddSingleton<ContentBatchQueries>();
        services.AddScoped<ContentBatchLoader>();
        return services;
    }

    /// <summary><c>GET</c> and <c>POST /api/graphql</c>.</summary>
    public static IEndpointRouteBuilder MapTwinningGraphQL(this IEndpointRouteBuilder routes)
    {
        routes.MapGraphQL();
        return routes;
    }
}
