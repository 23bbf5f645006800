using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddTwinningWebhooks(this IServiceCollection services) => services;

    public static IApplicationBuilder UseTwinningWebhooks(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapTwinningWebhooks(this IEndpointRouteBuilder routes) => routes;
}
