using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using Twinning.Core.Municipal;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Webhooks;

namespace Twinning.Module.Features.Admin.Webhooks;

/// <summary><c>/admin/webhooks/edit/{id}</c>: one subscription, its form (unless it comes from configuration), a button
/// to delete it, and its delivery log, newest first, with a button to send each delivery's event again.</summary>
[Authorize]
public sealed class SubscriptionPage(WebhookAdministration webhooks, SiteService site, IAuthorizationService authorization, IStringLocalizer<AdminText> t)
    : PageModel
{
    public WebhookSubscriptionRecord Subscription { get; private set; } = new();

    public SubscriptionFormView? EditForm { get; private set; }

    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    public int Total { get; private set; }

    public int Skip { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>A delivery as the log shows it: its latest attempt's time in the site's time zone (or when it was queued).</summary>
    public sealed record DeliveryRow(WebhookDeliveryRecord Delivery, string Time);

    public string PageUrl(int skip) => WebhooksPage.EditUrl(Subscription.Id) + (skip > 0 ? "?skip=" + skip.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary><paramref name="redelivered"/>: the delivery whose event was just queued again (the redeliver button
    /// redirects here, so that reloading the page does not send it once more).</summary>
    public async Task<IActionResult> OnGetAsync(string id, int skip = 0, long? redelivered = null)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        Notice = redelivered is { } deliveryId ? t["Webhooks.Redelivered", deliveryId].Value : null;
        return await RenderAsync(id, null, null, Math.Max(0, skip));
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, string? url, string[] events, string[] contentTypes, bool enabled)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var form = new WebhookForm(null, url, events, contentTypes, enabled);
        var problems = await webhooks.UpdateAsync(id, form);
        if (problems is null)
        {
            return NotFound(id);
        }
        if (problems.Count > 0)
        {
            return await RenderAsync(id, form, SubscriptionFormView.ErrorsOf(t, problems), 0, StatusCodes.Status400BadRequest);
        }
        Notice = t["Webhooks.Saved"];
        return await RenderAsync(id, null, null, 0);
    }

    /// <summary>The secret just generated: shown once, in the answer to the POST that made it.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnPostRotateAsync(string id)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        if (await webhooks.RotateSecretAsync(id, HttpContext.RequestAborted) is not { } secret)
        {
            return NotFound(id);
        }
        NewSecret = secret;
        // The secret must not stay in a cache or the browser's back-forward history.
        Response.Headers.CacheControl = "no-store";
        return await RenderAsync(id, null, null, 0);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        if (!await webhooks.DeleteAsync(id, HttpContext.RequestAborted))
        {
            return NotFound(id);
        }
        return Redirect("/admin/webhooks");
    }

    public async Task<IActionResult> OnPostRedeliverAsync(string id, long deliveryId)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        if (await webhooks.RedeliverAsync(id, deliveryId, HttpContext.RequestAborted) is null)
        {
            return NotFound(id);
        }
        return Redirect(WebhooksPage.EditUrl(id) + "?redelivered=" + deliveryId.ToString(CultureInfo.InvariantCulture));
    }

    private Task<IActionResult?> RefuseAsync()
        => this.RefuseUnlessAsync(authorization, t, Permissions.ManageWebhooks, t["Webhooks.MayNotManage"]);

    private IActionResult NotFound(string id)
        => new AdminProblem(t["Problem.NotFound"], t["Webhooks.NoSuchSubscription", id], t["Webhooks.Title"], "/admin/webhooks")
            .ToResult(this, StatusCodes.Status404NotFound);

    private async Task<IActionResult> RenderAsync(string id, WebhookForm? posted, FieldErrors? errors, int skip, int status = StatusCodes.Status200OK)
    {
        if (await webhooks.FindAsync(id, HttpContext.RequestAborted) is not { } subscription)
        {
            return NotFound(id);
        }
        Subscription = subscription;
        if (WebhookAdministration.IsEditable(subscription))
        {
            EditForm = new SubscriptionFormView(posted ?? WebhookForm.Of(subscription), errors ?? new FieldErrors(), await webhooks.ContentTypesAsync(),
                WebhooksPage.EditUrl(id) + "/save", IsNew: false);
        }
        var zone = TwinningViews.Zone((await site.GetAsync()).TimeZoneId);
        var (deliveries, total) = await webhooks.DeliveriesAsync(id, skip, HttpContext.RequestAborted);
        Deliveries = [.. deliveries.Select(d => new DeliveryRow(d, Local(d.LastAttemptUtc ?? d.CreatedUtc, zone)))];
        (Total, Skip) = (total, skip);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private static string Local(DateTime utc, DateTimeZone zone)
        => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).ToDateTimeUnspecified().ToString("G", CultureInfo.CurrentCulture);
}
