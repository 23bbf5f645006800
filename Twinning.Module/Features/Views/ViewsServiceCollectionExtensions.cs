using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Views;

public static class ViewsServiceCollectionExtensions
{
    public static IServiceCollection AddTwinningViews(this IServiceCollection services) => services;

    public static IApplicationBuilder UseTwinningViews(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapTwinningViews(this IEndpointRouteBuilder routes) => routes;
}
