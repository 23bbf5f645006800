using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.Roles;

/// <summary><c>/admin/roles</c>: the roles with their descriptions, a form to create one and a button to delete each
/// that is not built in. Only for holders of <see cref="Permissions.ManageRoles"/>.</summary>
[Authorize]
public sealed class RolesPage(RoleAdministration roles, IAuthorizationService authorization, IStringLocalizer<AdminText> t) : PageModel
{
    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>The message next to the name field, when the new role was refused.</summary>
    public FieldErrors Errors { get; } = new();

    public string? NewName { get; private set; }

    public string? NewDescription { get; private set; }

    public static string EditUrl(string role) => "/admin/roles/edit/" + Uri.EscapeDataString(role);

    public async Task<IActionResult> OnGetAsync() => await RefuseAsync() ?? await RenderAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? description)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var problems = await roles.CreateAsync(name, description);
        if (problems.Count > 0)
        {
            Errors.Add("name", t.Text(problems[0].MessageKey, problems[0].Arguments));
            (NewName, NewDescription) = (name, description);
            return await RenderAsync(StatusCodes.Status400BadRequest);
        }
        return Redirect(EditUrl(name!.Trim()));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? name)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        if (name is null || !await roles.DeleteAsync(name))
        {
            return new AdminProblem(t["Problem.NotFound"], t["Roles.CannotDelete", name ?? ""], t["Roles.Title"], "/admin/roles")
                .ToResult(this, StatusCodes.Status404NotFound);
        }
        Notice = t["Roles.Deleted", name];
        return await RenderAsync();
    }

    private Task<IActionResult?> RefuseAsync() => this.RefuseUnlessAsync(authorization, t, Permissions.ManageRoles, t["Roles.MayNotManage"]);

    private async Task<IActionResult> RenderAsync(int status = StatusCodes.Status200OK)
    {
        Roles = [.. (await roles.GetAsync()).Roles.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
