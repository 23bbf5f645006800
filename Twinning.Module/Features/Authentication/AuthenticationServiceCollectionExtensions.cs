using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddTwinningAuthentication(this IServiceCollection services) => services;

    public static IApplicationBuilder UseTwinningAuthentication(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapTwinningAuthentication(this IEndpointRouteBuilder routes) => routes;
}
