using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin;

public static class PagePermissions
{
    /// <summary>Null when the signed-in editor holds <paramref name="permission"/>; otherwise the shell's 403 page
    /// with <paramref name="message"/>. Asked on every handler, GET and POST alike.</summary>
    public static async Task<IActionResult?> RefuseUnlessAsync(this PageModel page, IAuthorizationService authorization,
        IStringLocalizer<AdminText> t, string permission, string message)
        => await authorization.HasPermissionAsync(page.User, permission)
            ? null
            : new AdminProblem(t["Problem.NotAllowed"], message).ToResult(page, StatusCodes.Status403Forbidden);

    /// <summary>Whether the request's user holds <paramref name="permission"/>: the shell shows a page's link only then.</summary>
    public static Task<bool> HoldsAsync(this HttpContext context, string permission)
        => context.RequestServices.GetRequiredService<IAuthorizationService>().HasPermissionAsync(context.User, permission);
}
