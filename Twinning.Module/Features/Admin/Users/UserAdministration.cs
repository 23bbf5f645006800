using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Users;

/// <summary>Who may manage which users: the <see cref="Permissions.ManageUsers"/> permission, and for accounts with
/// the Administrator role (or to give that role) being an administrator, so that the permission cannot be turned
/// into every other.</summary>
public sealed class UserAdministration(IAuthorizationService authorization, IStringLocalizer<AdminText> t)
{
    public Task<bool> MayManageAsync(ClaimsPrincipal user) => authorization.HasPermissionAsync(user, Permissions.ManageUsers);

    public static bool IsAdministrator(ClaimsPrincipal user)
        => user.FindAll(ClaimTypes.Role).Any(r => IsAdministratorRole(r.Value));

    public static bool IsAdministratorRole(string role) => string.Equals(role, RoleNames.Administrator, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="caller"/> may change <paramref name="target"/> (disable, reset its password).</summary>
    public static bool MayChange(ClaimsPrincipal caller, UserRecord target)
        => IsAdministrator(caller) || !target.Roles.Any(r => IsAdministratorRole(r.RoleName));

    public IActionResult Refusal(PageModel page)
        => new AdminProblem(t["Problem.NotAllowed"], t["Accounts.MayNotManage"]).ToResult(page, StatusCodes.Status403Forbidden);
}
