using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Webhooks;

/// <summary>The JSON body receivers get.</summary>
public sealed record WebhookPayload(
    string Id,
    string Event,
    DateTime OccurredUtc,
    string ContentItemId,
    string ContentItemVersionId,
    string ContentType,
    string? DisplayText,
    string? Culture)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>Wakes the sender when new deliveries are queued in this instance.</summary>
public sealed class WebhookSignal : WakeSignal;

/// <summary>
/// Queues one delivery per matching subscription for each committed publish, unpublish and remove. Events
/// of a rolled-back transaction never reach it. It writes through a scope of its own so the caller's
/// database context (a request's, a recipe's) is left as it was.
/// </summary>
public sealed class WebhookEventSubscriber(IServiceScopeFactory scopes, WebhookSignal signal, TimeProvider clock) : IContentEventSubscriber
{
    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        var eventName = contentEvent.Kind switch
        {
            ContentEventKind.Published => WebhookEvents.Published,
            ContentEventKind.Unpublished => WebhookEvents.Unpublished,
            _ => WebhookEvents.Removed,
        };
        var item = contentEvent.Item;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
        var subscriptions = (await db.Set<WebhookSubscriptionRecord>().AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken))
            .Where(s => s.Matches(eventName, item.ContentType))
            .ToList();
        if (subscriptions.Count == 0)
        {
            return;
        }
        var eventId = IdGenerator.New();
        var payload = new WebhookPayload(
            eventId,
            eventName,
            DateTime.SpecifyKind(contentEvent.OccurredUtc, DateTimeKind.Utc),
            item.ContentItemId,
            item.ContentItemVersionId,
            item.ContentType,
            item.DisplayText,
            item.Part("LocalizationPart")?["Culture"] is JsonValue culture && culture.TryGetValue<string>(out var text) ? text : null).Serialize();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var subscription in subscriptions)
        {
            db.Add(new WebhookDeliveryRecord
            {
                SubscriptionId = subscription.Id,
                EventId = eventId,
                Event = eventName,
                ContentItemId = item.ContentItemId,
                ContentItemVersionId = item.ContentItemVersionId,
                ContentType = item.ContentType,
                Payload = payload,
                Status = WebhookStatuses.Pending,
                NextAttemptUtc = now,
                CreatedUtc = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
