using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Queries;

public static class QueriesServiceCollectionExtensions
{
    public static IServiceCollection AddTwinningQueries(this IServiceCollection services) => services;

    public static IApplicationBuilder UseTwinningQueries(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapTwinningQueries(this IEndpointRouteBuilder routes) => routes;
}
