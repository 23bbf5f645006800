using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Webhooks;

/// <summary>A subscription as a recipe or configuration states it, before it is checked.</summary>
public sealed record WebhookDefinition(string? Name, string? Url, string? Secret, IReadOnlyList<string> Events, IReadOnlyList<string> ContentTypes, bool Enabled);

/// <summary>A problem with one member of a <see cref="WebhookDefinition"/>, keyed by its name (<c>Url</c>, <c>Events[1]</c>),
/// in English for recipes and logs, and by <see cref="Code"/> (with <see cref="Argument"/>) for the admin's texts
/// (<c>Webhooks.{Code}</c>).</summary>
public sealed record WebhookDefinitionError(string Field, string Message, string Code, object? Argument = null);

/// <summary>The outcome of storing a definition; <see cref="GeneratedSecret"/> is set only when a secret was made for it.</summary>
public sealed record WebhookSaveResult(WebhookSubscriptionRecord Subscription, string? GeneratedSecret);

/// <summary>Checks and stores subscriptions, for the recipe step, the configuration and the webhooks page alike.</summary>
public sealed class WebhookSubscriptionStore(TwinningDbContext db, ContentDefinitionService definitions, WebhookSignal signal, TimeProvider clock, IAuditLog audit,
    IOptions<WebhooksOptions> options)
{
    public const int MinimumSecretLength = 16;
    public const int MaxNameLength = 255;

    /// <summary>The most characters of a webhook's address (its column's length).</summary>
    public const int MaxUrlLength = 2048;

    public async Task<IReadOnlyList<WebhookDefinitionError>> ValidateAsync(WebhookDefinition definition)
    {
        var errors = new List<WebhookDefinitionError>();
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add(new("Name", "A webhook needs a 'Name'.", "NameRequired"));
        }
        else if (definition.Name.Length > MaxNameLength)
        {
            errors.Add(new("Name", $"A webhook name has at most {MaxNameLength} characters.", "NameTooLong", MaxNameLength));
        }
        if (definition.Url?.Length > MaxUrlLength)
        {
            // PostgreSQL refused a longer one with a server error, SQLite kept it.
            errors.Add(new("Url", $"A webhook address has at most {MaxUrlLength} characters.", "UrlTooLong", MaxUrlLength));
        }
        else if (!Uri.TryCreate(definition.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new("Url", $"'{definition.Url}' is not an absolute http or https URL.", "NotAUrl", definition.Url));
        }
        else if (!options.Value.AllowPrivateNetworks && WebhookNetworks.NamesPrivateNetwork(url))
        {
            errors.Add(new("Url", $"'{definition.Url}' is inside the site's own network; webhooks go there only when "
                + $"{WebhooksOptions.Section}:{nameof(WebhooksOptions.AllowPrivateNetworks)} is true.", "PrivateNetwork", definition.Url));
        }
        if (definition.Secret is not null && definition.Secret.Length < MinimumSecretLength)
        {
            errors.Add(new("Secret", $"A secret has at least {MinimumSecretLength} characters; leave it out to have one generated.", "SecretTooShort", MinimumSecretLength));
        }
        for (var i = 0; i < definition.Events.Count; i++)
        {
            if (!WebhookEvents.All.Contains(definition.Events[i], StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new($"Events[{i}]", $"'{definition.Events[i]}' is not an event; use {string.Join(", ", WebhookEvents.All)}.", "NotAnEvent", definition.Events[i]));
            }
        }
        var types = await definitions.GetAsync();
        for (var i = 0; i < definition.ContentTypes.Count; i++)
        {
            if (types.FindType(definition.ContentTypes[i]) is null)
            {
                errors.Add(new($"ContentTypes[{i}]", $"There is no content type '{definition.ContentTypes[i]}'.", "NoSuchContentType", definition.ContentTypes[i]));
            }
        }
        return errors;
    }

    /// <summary>Creates the subscription, or updates the one of the same name. A secret left out keeps the
    /// existing one, or is generated for a new subscription.</summary>
    public async Task<WebhookSaveResult> SaveAsync(WebhookDefinition definition, string source)
    {
        var name = definition.Name!.Trim();
        var subscription = await db.Set<WebhookSubscriptionRecord>().FirstOrDefaultAsync(s => s.Name == name);
        string? generated = null;
        if (subscription is null)
        {
            subscription = new WebhookSubscriptionRecord
            {
                Id = IdGenerator.New(),
                Name = name,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(subscription);
        }
        if (definition.Secret is not null)
        {
            subscription.Secret = definition.Secret;
        }
        else if (subscription.Secret.Length == 0)
        {
            subscription.Secret = generated = GenerateSecret();
        }
        subscription.Url = definition.Url!;
        subscription.Events = WebhookSubscriptionRecord.Join(definition.Events.Count == 0
            ? WebhookEvents.All
            : WebhookEvents.All.Where(e => definition.Events.Contains(e, StringComparer.OrdinalIgnoreCase)));
        subscription.ContentTypes = WebhookSubscriptionRecord.Join(definition.ContentTypes.Distinct(StringComparer.Ordinal));
        subscription.Enabled = definition.Enabled;
        subscription.Source = source;
        // Recorded when something changed (configuration is applied again at every start): the names of what changed,
        // never the secret or the address, which may carry a token.
        var entry = db.Entry(subscription);
        if (entry.State == EntityState.Added)
        {
            audit.Record(AuditActions.WebhookSubscriptionCreated, name, $"From the {source}.");
        }
        else if (entry.State == EntityState.Modified)
        {
            audit.Record(AuditActions.WebhookSubscriptionChanged, name,
                $"From the {source}. Changed: {string.Join(", ", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))}.");
        }
        await db.SaveChangesAsync();
        return new WebhookSaveResult(subscription, generated);
    }

    /// <summary>Disables the subscriptions of <paramref name="source"/> whose names are not in <paramref name="keep"/>.</summary>
    public async Task<IReadOnlyList<string>> DisableOthersAsync(string source, IReadOnlyCollection<string> keep)
    {
        var stale = await db.Set<WebhookSubscriptionRecord>()
            .Where(s => s.Source == source && s.Enabled && !keep.Contains(s.Name))
            .ToListAsync();
        foreach (var subscription in stale)
        {
            subscription.Enabled = false;
            audit.Record(AuditActions.WebhookSubscriptionChanged, subscription.Name, $"Disabled: no longer in the {source}.");
        }
        await db.SaveChangesAsync();
        return stale.Select(s => s.Name).ToList();
    }

    public Task<WebhookSubscriptionRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
        => db.Set<WebhookSubscriptionRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken = default)
        => db.Set<WebhookSubscriptionRecord>().AnyAsync(s => s.Name == name, cancellationToken);

    /// <summary>Gives the subscription a new generated secret, which signs every attempt from now on (retries of
    /// queued deliveries included), and returns it; null when there is no such subscription.</summary>
    public async Task<string?> RotateSecretAsync(string id, CancellationToken cancellationToken = default)
    {
        var secret = GenerateSecret();
        return await db.Set<WebhookSubscriptionRecord>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Secret, secret), cancellationToken) == 1 ? secret : null;
    }

    /// <summary>Deletes the subscription and, by the foreign key's cascade, its delivery log. False when there is none.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
        => await db.Set<WebhookSubscriptionRecord>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>Queues the delivery's event again for its subscription, as a new delivery with the same body (the same
    /// event id, so a receiver that de-duplicates sees a repeat): it is sent at once and logged apart. Null when the
    /// subscription has no such delivery.</summary>
    public async Task<WebhookDeliveryRecord?> RedeliverAsync(string subscriptionId, long deliveryId, CancellationToken cancellationToken = default)
    {
        var original = await db.Set<WebhookDeliveryRecord>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId, cancellationToken);
        if (original is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var copy = new WebhookDeliveryRecord
        {
            SubscriptionId = original.SubscriptionId,
            EventId = original.EventId,
            Event = original.Event,
            ContentItemId = original.ContentItemId,
            ContentItemVersionId = original.ContentItemVersionId,
            ContentType = original.ContentType,
            Payload = original.Payload,
            Status = WebhookStatuses.Pending,
            NextAttemptUtc = now,
            CreatedUtc = now,
        };
        db.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return copy;
    }

    /// <summary>32 random bytes in Base64.</summary>
    public static string GenerateSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
