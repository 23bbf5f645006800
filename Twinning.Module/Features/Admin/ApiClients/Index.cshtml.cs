using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.ApiClients;

/// <summary>
/// <c>/admin/api-clients</c>: the API clients with their roles, a form to create one, and per client buttons to
/// rotate its secret and to revoke it. A new secret is shown once, in the answer to the POST that made it (never in
/// an address, never stored readable). Only for holders of <see cref="Permissions.ManageApplications"/>.
/// </summary>
[Authorize]
public sealed class ApiClientsPage(ApiClientAdministration clients, IAuthorizationService authorization, IStringLocalizer<AdminText> t) : PageModel
{
    public IReadOnlyList<ApiClientRow> Clients { get; private set; } = [];

    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>The secret just generated and whose client it is: shown once.</summary>
    public (string ClientId, string Secret)? NewSecret { get; private set; }

    public FieldErrors Errors { get; } = new();

    public string? NewClientId { get; private set; }

    public string? NewDisplayName { get; private set; }

    public IReadOnlySet<string> NewRoles { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync() => await RefuseAsync() ?? await RenderAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? clientId, string? displayName, string[] roles)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var (secret, problems) = await clients.CreateAsync(clientId, displayName, roles, MayGiveAdministrator, HttpContext.RequestAborted);
        if (secret is null)
        {
            foreach (var problem in problems)
            {
                if (Errors.For(problem.Field) is null)
                {
                    Errors.Add(problem.Field, t.Text(problem.MessageKey, problem.Arguments));
                }
            }
            (NewClientId, NewDisplayName, NewRoles) = (clientId, displayName, roles.ToHashSet(StringComparer.Ordinal));
            return await RenderAsync(StatusCodes.Status400BadRequest);
        }
        NewSecret = (clientId!.Trim(), secret);
        Notice = t["ApiClients.Created", clientId.Trim()];
        return await RenderAsync();
    }

    public async Task<IActionResult> OnPostRotateAsync(string? clientId)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        if (clientId is null || await clients.RotateSecretAsync(clientId, HttpContext.RequestAborted) is not { } secret)
        {
            return NoSuchClient(clientId);
        }
        NewSecret = (clientId, secret);
        Notice = t["ApiClients.Rotated", clientId];
        return await RenderAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? clientId)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        if (clientId is null || !await clients.RevokeAsync(clientId, HttpContext.RequestAborted))
        {
            return NoSuchClient(clientId);
        }
        Notice = t["ApiClients.Revoked", clientId];
        return await RenderAsync();
    }

    private IActionResult NoSuchClient(string? clientId)
        => new AdminProblem(t["Problem.NotFound"], t["ApiClients.NoSuchClient", clientId ?? ""], t["ApiClients.Title"], "/admin/api-clients")
            .ToResult(this, StatusCodes.Status404NotFound);

    private Task<IActionResult?> RefuseAsync()
        => this.RefuseUnlessAsync(authorization, t, Permissions.ManageApplications, t["ApiClients.MayNotManage"]);

    /// <summary>Only an administrator may make an administrator client.</summary>
    private bool MayGiveAdministrator => User.IsInRole(RoleNames.Administrator);

    private async Task<IActionResult> RenderAsync(int status = StatusCodes.Status200OK)
    {
        Clients = await clients.ListAsync(HttpContext.RequestAborted);
        AssignableRoles = await clients.AssignableRolesAsync(MayGiveAdministrator);
        // The secret must not stay in a cache or the browser's back-forward history.
        Response.Headers.CacheControl = "no-store";
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
