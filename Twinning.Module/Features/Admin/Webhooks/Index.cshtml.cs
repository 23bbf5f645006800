using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Webhooks;

namespace Twinning.Module.Features.Admin.Webhooks;

/// <summary><c>/admin/webhooks</c>: the subscriptions, each linking to its page (<see cref="SubscriptionPage"/>), and a
/// form to create one. The secret generated for a new subscription is shown once, in the answer to the POST that made
/// it. Only for holders of <see cref="Permissions.ManageWebhooks"/>, the permission of <c>/api/webhooks</c>.</summary>
[Authorize]
public sealed class WebhooksPage(WebhookAdministration webhooks, IAuthorizationService authorization, IStringLocalizer<AdminText> t) : PageModel
{
    public IReadOnlyList<WebhookSubscriptionRecord> Subscriptions { get; private set; } = [];

    public SubscriptionFormView NewForm { get; private set; } = null!;

    public string? Notice { get; private set; }

    /// <summary>The secret just generated and whose subscription it is: shown once.</summary>
    public (string Name, string Secret)? NewSecret { get; private set; }

    public static string EditUrl(string id) => "/admin/webhooks/edit/" + Uri.EscapeDataString(id);

    public async Task<IActionResult> OnGetAsync()
        => await RefuseAsync() ?? await RenderAsync(new WebhookForm(null, null, [], [], Enabled: true), new FieldErrors());

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? url, string[] events, string[] contentTypes, bool enabled)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var form = new WebhookForm(name, url, events, contentTypes, enabled);
        var (saved, problems) = await webhooks.CreateAsync(form, HttpContext.RequestAborted);
        if (saved is null)
        {
            return await RenderAsync(form, SubscriptionFormView.ErrorsOf(t, problems), StatusCodes.Status400BadRequest);
        }
        Notice = t["Webhooks.Created", saved.Subscription.Name];
        NewSecret = (saved.Subscription.Name, saved.GeneratedSecret!);
        return await RenderAsync(new WebhookForm(null, null, [], [], Enabled: true), new FieldErrors());
    }

    private Task<IActionResult?> RefuseAsync()
        => this.RefuseUnlessAsync(authorization, t, Permissions.ManageWebhooks, t["Webhooks.MayNotManage"]);

    private async Task<IActionResult> RenderAsync(WebhookForm form, FieldErrors errors, int status = StatusCodes.Status200OK)
    {
        Subscriptions = await webhooks.ListAsync(HttpContext.RequestAborted);
        NewForm = new SubscriptionFormView(form, errors, await webhooks.ContentTypesAsync(), "/admin/webhooks/create", IsNew: true);
        // The secret must not stay in a cache or the browser's back-forward history.
        Response.Headers.CacheControl = "no-store";
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}

/// <summary>What <c>_SubscriptionForm.cshtml</c> draws: the form's values, its errors, the content types to offer and
/// where it posts.</summary>
public sealed record SubscriptionFormView(WebhookForm Form, FieldErrors Errors, IReadOnlyList<string> AllContentTypes, string Action, bool IsNew)
{
    public static FieldErrors ErrorsOf(IStringLocalizer<AdminText> t, IEnumerable<FormProblem> problems)
    {
        var errors = new FieldErrors();
        foreach (var problem in problems)
        {
            errors.Add(problem.Field, t.Text(problem.MessageKey, problem.Arguments));
        }
        return errors;
    }
}
