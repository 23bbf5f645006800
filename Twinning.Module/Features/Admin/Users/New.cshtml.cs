using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Users;

/// <summary><c>/admin/users/new</c>: an administrator creates a user with one role and a temporary password, which
/// the user must change at first sign-in. Only administrators are offered (and may give) the Administrator role.</summary>
[Authorize]
public sealed class NewUserPage(UserService users, UserAdministration administration, DocumentStore documents, IStringLocalizer<AdminText> t) : PageModel
{
    public FieldErrors Errors { get; } = new();

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? UserName { get; private set; }

    public string? Email { get; private set; }

    public string? Role { get; private set; }

    public string? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await administration.MayManageAsync(User))
        {
            return administration.Refusal(this);
        }
        Roles = await AssignableRolesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? email, string? role, string? temporaryPassword)
    {
        if (!await administration.MayManageAsync(User))
        {
            return administration.Refusal(this);
        }
        Roles = await AssignableRolesAsync();
        var chosen = Roles.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            Errors.Add("role", t["Accounts.RoleRequired"]);
        }
        // Without a role nothing is created; the other fields are checked once one is chosen.
        var problems = chosen is null ? [] : await users.CreateAsync(userName ?? "", email, temporaryPassword ?? "", [chosen], mustChangePassword: true);
        if (problems.Count > 0 || chosen is null)
        {
            foreach (var problem in problems)
            {
                Errors.Add(problem.Field == "password" ? "temporaryPassword" : problem.Field, AccountTexts.Of(t, problem));
            }
            (UserName, Email, Role) = (userName, email, role);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        Created = userName!.Trim();
        return Page();
    }

    /// <summary>The site's roles a user can hold (not the automatic Anonymous and Authenticated), the Administrator
    /// role only for administrators.</summary>
    private async Task<IReadOnlyList<string>> AssignableRolesAsync()
    {
        var roles = await documents.GetAsync<RolesDocument>(DocumentNames.Roles);
        var administrator = UserAdministration.IsAdministrator(User);
        var names = roles.Roles.Select(r => r.Name)
            .Where(n => !string.Equals(n, RoleNames.Anonymous, StringComparison.OrdinalIgnoreCase) && !string.Equals(n, RoleNames.Authenticated, StringComparison.OrdinalIgnoreCase))
            .Where(n => administrator || !UserAdministration.IsAdministratorRole(n));
        if (administrator && !names.Any(UserAdministration.IsAdministratorRole))
        {
            names = names.Prepend(RoleNames.Administrator);
        }
        return [.. names];
    }
}
