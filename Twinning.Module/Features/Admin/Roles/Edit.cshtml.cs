using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.Roles;

/// <summary><c>/admin/roles/edit/{name}</c>: the role's permissions as checkboxes, the general ones first and then one
/// group per securable content type. The Administrator's are shown as "every permission", not edited.</summary>
[Authorize]
public sealed class RoleEditPage(RoleAdministration roles, IAuthorizationService authorization, IStringLocalizer<AdminText> t) : PageModel
{
    public Role Role { get; private set; } = new();

    public IReadOnlyList<PermissionGroup> Groups { get; private set; } = [];

    public ISet<string> Granted { get; private set; } = new HashSet<string>();

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    public bool IsAdministrator => RoleAdministration.IsAdministrator(Role.Name);

    public async Task<IActionResult> OnGetAsync(string name) => await RefuseAsync() ?? await RenderAsync(name);

    public async Task<IActionResult> OnPostAsync(string name, string[] permissions)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var problems = await roles.SetPermissionsAsync(name, permissions);
        if (problems is null)
        {
            return await RenderAsync(name);
        }
        if (problems.Count > 0)
        {
            Error = t.Text(problems[0].MessageKey, problems[0].Arguments);
            return await RenderAsync(name, permissions, StatusCodes.Status400BadRequest);
        }
        Notice = t["Roles.Saved", name];
        return await RenderAsync(name);
    }

    private Task<IActionResult?> RefuseAsync() => this.RefuseUnlessAsync(authorization, t, Permissions.ManageRoles, t["Roles.MayNotManage"]);

    private async Task<IActionResult> RenderAsync(string name, IEnumerable<string>? posted = null, int status = StatusCodes.Status200OK)
    {
        if ((await roles.GetAsync()).Find(name) is not { } role)
        {
            return new AdminProblem(t["Problem.NotFound"], t["Roles.NoSuchRole", name], t["Roles.Title"], "/admin/roles")
                .ToResult(this, StatusCodes.Status404NotFound);
        }
        Role = role;
        Granted = (posted ?? role.Permissions).ToHashSet(StringComparer.Ordinal);
        Groups = await roles.PermissionGroupsAsync();
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
