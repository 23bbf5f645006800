using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddTwinningGraphQL(this IServiceCollection services) => services;

    public static IApplicationBuilder UseTwinningGraphQL(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapTwinningGraphQL(this IEndpointRouteBuilder routes) => routes;
}
