using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Webhooks;

/// <summary>
/// Stores the subscriptions of <c>Twinning:Webhooks:Subscriptions</c> at start-up, and disables those that
/// left the configuration. It runs in <see cref="StartedAsync"/>, which the host calls after every hosted
/// service's <c>StartAsync</c>: setup (registered after webhooks) has then migrated the database and
/// provisioned the site, so the tables and content types exist, and the host is not reported started
/// before the subscriptions are in place. A configured subscription that is invalid is logged and skipped
/// rather than stopping the site.
/// </summary>
public sealed class WebhookConfigurationSync(IServiceScopeFactory scopes, IOptions<WebhooksOptions> options, ILogger<WebhookConfigurationSync> logger)
    : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WebhookSubscriptionStore>();
        var kept = new List<string>();
        var configured = options.Value.Subscriptions;
        for (var i = 0; i < configured.Count; i++)
        {
            var entry = configured[i];
            var definition = new WebhookDefinition(entry.Name?.Trim(), entry.Url?.Trim(), entry.Secret, entry.Events, entry.ContentTypes, entry.Enabled);
            var errors = await store.ValidateAsync(definition);
            if (errors.Count > 0)
            {
                logger.LogError("The webhook Twinning:Webhooks:Subscriptions:{Index} was not applied: {Errors}", i,
                    string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
                continue;
            }
            var saved = await store.SaveAsync(definition, WebhookSources.Configuration);
            kept.Add(saved.Subscription.Name);
            if (saved.GeneratedSecret is not null)
            {
                // The secret is never returned by the API: this log line is the one place it is shown.
                logger.LogWarning("Created the webhook '{Name}' with the generated secret {Secret} . It is shown only this once: give it to the receiver, or set Twinning:Webhooks:Subscriptions:{Index}:Secret.",
                    saved.Subscription.Name, saved.GeneratedSecret, i);
            }
        }
        foreach (var name in await store.DisableOthersAsync(WebhookSources.Configuration, kept))
        {
            logger.LogInformation("Disabled the webhook '{Name}': it is no longer in the configuration.", name);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
