using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Webhooks;

/// <summary>A subscription as the API shows it: never with its secret.</summary>
public sealed record WebhookSubscriptionDto(
    string Id, string Name, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> ContentTypes, bool Enabled, string Source, DateTime CreatedUtc);

public sealed record WebhookDeliveryDto(
    long Id, string EventId, string Event, string ContentItemId, string? ContentItemVersionId, string ContentType, string Status, int Attempts,
    DateTime? NextAttemptUtc, DateTime? LastAttemptUtc, int? LastStatusCode, int? LastDurationMs, string? LastError, DateTime CreatedUtc, DateTime? CompletedUtc);

public sealed record WebhookDeliveryPage(int Total, int Skip, int Take, IReadOnlyList<WebhookDeliveryDto> Items);

/// <summary><c>GET /api/webhooks</c> and <c>GET /api/webhooks/{subscriptionId}/deliveries</c>, for holders of <c>ManageWebhooks</c>.</summary>
public static class WebhooksApi
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/webhooks").WithTags("Webhooks");
        group.MapGet("/", ListSubscriptionsAsync)
            .WithName("ApiListWebhooks")
            .WithSummary("The webhook subscriptions, without their secrets.");
        group.MapGet("/{subscriptionId}/deliveries", ListDeliveriesAsync)
            .WithName("ApiListWebhookDeliveries")
            .WithSummary("The delivery log of one subscription, newest first.");
        return group;
    }

    private static async Task<Results<Ok<List<WebhookSubscriptionDto>>, ProblemHttpResult>> ListSubscriptionsAsync(
        TwinningDbContext db, IAuthorizationService permissions, HttpContext http)
    {
        if (await DenyAsync(permissions, http) is { } denied)
        {
            return denied;
        }
        var subscriptions = await db.Set<WebhookSubscriptionRecord>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(subscriptions
            .Select(s => new WebhookSubscriptionDto(s.Id, s.Name, s.Url, s.EventList, s.ContentTypeList, s.Enabled, s.Source, Utc(s.CreatedUtc)))
            .ToList());
    }

    private static async Task<Results<Ok<WebhookDeliveryPage>, ValidationProblem, ProblemHttpResult>> ListDeliveriesAsync(
        string subscriptionId, int? skip, int? take, TwinningDbContext db, IAuthorizationService permissions, HttpContext http)
    {
        if (await DenyAsync(permissions, http) is { } denied)
        {
            return denied;
        }
        var errors = new Dictionary<string, string[]>();
        if (skip < 0)
        {
            errors["skip"] = ["skip must be 0 or more."];
        }
        if (take is < 1 or > MaxTake)
        {
            errors["take"] = [$"take must be between 1 and {MaxTake}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await db.Set<WebhookSubscriptionRecord>().AnyAsync(s => s.Id == subscriptionId, http.RequestAborted))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"There is no webhook subscription '{subscriptionId}'.");
        }
        var deliveries = db.Set<WebhookDeliveryRecord>().AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        var total = await deliveries.CountAsync(http.RequestAborted);
        var page = await deliveries.OrderByDescending(d => d.Id).Skip(skip ?? 0).Take(take ?? DefaultTake).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new WebhookDeliveryPage(total, skip ?? 0, take ?? DefaultTake, page.Select(d => new WebhookDeliveryDto(
            d.Id, d.EventId, d.Event, d.ContentItemId, d.ContentItemVersionId, d.ContentType, d.Status, d.Attempts,
            d.Status == WebhookStatuses.Pending ? Utc(d.NextAttemptUtc) : null, Utc(d.LastAttemptUtc), d.LastStatusCode, d.LastDurationMs, d.LastError,
            Utc(d.CreatedUtc), Utc(d.CompletedUtc))).ToList()));
    }

    /// <summary>401 for an anonymous caller, 403 for a signed-in one, without <c>ManageWebhooks</c>; null when allowed.</summary>
    private static Task<ProblemHttpResult?> DenyAsync(IAuthorizationService permissions, HttpContext http)
        => permissions.DenyAsync(http.User, Permissions.ManageWebhooks);

    // SQLite hands times back without a kind; they are stored as UTC.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is null ? null : Utc(value.Value);
}
