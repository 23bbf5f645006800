using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Recipes;

namespace Twinning.Module.Features.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>Webhooks on publish, unpublish and remove: subscriptions (recipe step <c>Webhooks</c> and
    /// <c>Twinning:Webhooks:Subscriptions</c>), the durable delivery table and its background sender.</summary>
    public static IServiceCollection AddTwinningWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhooksOptions>()
            .BindConfiguration(WebhooksOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Backoff > TimeSpan.Zero && o.Timeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero,
                "Twinning:Webhooks:Backoff, Timeout and PollInterval must be positive.")
            .ValidateOnStart();
        services.AddHttpClient(WebhookSender.HttpClientName, (provider, client) =>
        {
            // The sender cancels each attempt after Timeout itself; this is a backstop.
            client.Timeout = provider.GetRequiredService<IOptions<WebhooksOptions>>().Value.Timeout + TimeSpan.FromSeconds(5);
        }).ConfigurePrimaryHttpMessageHandler(provider =>
        {
            var allowPrivate = provider.GetRequiredService<IOptions<WebhooksOptions>>().Value.AllowPrivateNetworks;
            // Straight to the receiver: through a proxy, the address checked would be the proxy's.
            return new SocketsHttpHandler
            {
                UseProxy = false,
                ConnectCallback = (context, cancellationToken) => WebhookNetworks.ConnectAsync(context, allowPrivate, cancellationToken),
            };
        });
        services.AddSingleton<WebhookSignal>();
        services.AddScoped<WebhookSubscriptionStore>();
        services.AddScoped<IRecipeStep, WebhooksStep>();
        services.AddSingleton<IContentEventSubscriber, WebhookEventSubscriber>();
        services.AddHostedService<WebhookConfigurationSync>();
        services.AddHostedService<WebhookSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwinningWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapWebhooksApi();
        return routes;
    }
}
