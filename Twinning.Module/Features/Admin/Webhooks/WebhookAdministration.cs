using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Webhooks;

namespace Twinning.Module.Features.Admin.Webhooks;

/// <summary>A subscription as the page's form holds it.</summary>
public sealed record WebhookForm(string? Name, string? Url, IReadOnlyList<string> Events, IReadOnlyList<string> ContentTypes, bool Enabled)
{
    public static WebhookForm Of(WebhookSubscriptionRecord subscription)
        => new(subscription.Name, subscription.Url, subscription.EventList, subscription.ContentTypeList, subscription.Enabled);
}

/// <summary>The subscriptions as the webhooks page shows and changes them, through <see cref="WebhookSubscriptionStore"/>:
/// the same checks as the recipe step and the configuration. A subscription from configuration is shown but not changed
/// here, since the configuration would put it back at the next start.</summary>
public sealed class WebhookAdministration(WebhookSubscriptionStore store, TwinningDbContext db, ContentDefinitionService definitions)
{
    public const int PageSize = 20;

    public static bool IsEditable(WebhookSubscriptionRecord subscription) => subscription.Source != WebhookSources.Configuration;

    public async Task<IReadOnlyList<WebhookSubscriptionRecord>> ListAsync(CancellationToken cancellationToken = default)
        => await db.Set<WebhookSubscriptionRecord>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    public Task<WebhookSubscriptionRecord?> FindAsync(string id, CancellationToken cancellationToken = default) => store.FindAsync(id, cancellationToken);

    /// <summary>The content types a subscription may be limited to, by name.</summary>
    public async Task<IReadOnlyList<string>> ContentTypesAsync()
        => [.. (await definitions.GetAsync()).ContentTypeDefinitionRecords.Select(t => t.Name).Order(StringComparer.Ordinal)];

    /// <summary>The subscription's deliveries, newest first, <see cref="PageSize"/> from <paramref name="skip"/>, and how many there are.</summary>
    public async Task<(IReadOnlyList<WebhookDeliveryRecord> Page, int Total)> DeliveriesAsync(string subscriptionId, int skip, CancellationToken cancellationToken = default)
    {
        var deliveries = db.Set<WebhookDeliveryRecord>().AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        return (await deliveries.OrderByDescending(d => d.Id).Skip(skip).Take(PageSize).ToListAsync(cancellationToken),
            await deliveries.CountAsync(cancellationToken));
    }

    /// <summary>Creates the subscription with a generated secret, returned to be shown once; or the problems with the form.</summary>
    public async Task<(WebhookSaveResult? Saved, IReadOnlyList<FormProblem> Problems)> CreateAsync(WebhookForm form, CancellationToken cancellationToken = default)
    {
        var definition = Definition(form);
        var problems = await ProblemsAsync(definition);
        if (problems.Count == 0 && await store.NameTakenAsync(definition.Name!, cancellationToken))
        {
            problems = [new FormProblem("name", "Webhooks.NameTaken", definition.Name!)];
        }
        return problems.Count > 0 ? (null, problems) : (await store.SaveAsync(definition, WebhookSources.Admin), []);
    }

    /// <summary>Changes the address, events, content types and whether it is on; the name and secret stay. Null when
    /// there is no such subscription, or it comes from configuration.</summary>
    public async Task<IReadOnlyList<FormProblem>?> UpdateAsync(string id, WebhookForm form)
    {
        if (await store.FindAsync(id) is not { } subscription || !IsEditable(subscription))
        {
            return null;
        }
        var definition = Definition(form with { Name = subscription.Name });
        var problems = await ProblemsAsync(definition);
        if (problems.Count == 0)
        {
            await store.SaveAsync(definition, WebhookSources.Admin);
        }
        return problems;
    }

    /// <summary>A new signing secret, to be shown once; null when there is no such subscription, or it comes from
    /// configuration (whose secret is set there).</summary>
    public async Task<string?> RotateSecretAsync(string id, CancellationToken cancellationToken = default)
        => await store.FindAsync(id, cancellationToken) is { } subscription && IsEditable(subscription)
            ? await store.RotateSecretAsync(id, cancellationToken)
            : null;

    /// <summary>False when there is no such subscription, or it comes from configuration.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
        => await store.FindAsync(id, cancellationToken) is { } subscription && IsEditable(subscription) && await store.DeleteAsync(id, cancellationToken);

    public Task<WebhookDeliveryRecord?> RedeliverAsync(string subscriptionId, long deliveryId, CancellationToken cancellationToken = default)
        => store.RedeliverAsync(subscriptionId, deliveryId, cancellationToken);

    private static WebhookDefinition Definition(WebhookForm form)
        => new(form.Name?.Trim(), form.Url?.Trim(), Secret: null, form.Events, form.ContentTypes, form.Enabled);

    /// <summary>The store's problems, keyed by the page's fields (<c>Events[1]</c> is the <c>events</c> group).</summary>
    private async Task<List<FormProblem>> ProblemsAsync(WebhookDefinition definition)
        => [.. (await store.ValidateAsync(definition)).Select(e => new FormProblem(
            e.Field switch
            {
                "Name" => "name",
                "Url" => "url",
                _ when e.Field.StartsWith("Events", StringComparison.Ordinal) => "events",
                _ => "contentTypes",
            },
            "Webhooks." + e.Code, e.Argument ?? ""))];
}
