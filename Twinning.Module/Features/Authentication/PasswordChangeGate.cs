using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Authentication;

/// <summary>A user who signed in with a temporary password may only change it (or sign out, or switch the admin's
/// language) until they have; likewise an administrator who must use two-factor sign-in and has not set it up. A page
/// (any GET outside the API, GraphQL and the token endpoint) sends them to the form, and everything else is refused
/// with 403.</summary>
public static class PasswordChangeGate
{
    public const string PasswordPath = "/account/password";
    public const string TwoFactorPath = "/account/two-factor";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            var form = context.User.HasClaim(EditorSignIn.MustChangePasswordClaim, "true") ? PasswordPath
                : context.User.HasClaim(EditorSignIn.MustSetUpTwoFactorClaim, "true") ? TwoFactorPath
                : null;
            if (form is not null && !IsAllowed(context.Request.Path, form))
            {
                if (HttpMethods.IsGet(context.Request.Method) && IsPage(context.Request.Path))
                {
                    context.Response.Redirect(form + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                    return;
                }
                await PermissionProblems.Denied(context.User, "Complete " + form + " first.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool IsAllowed(PathString path, string form)
        => path.StartsWithSegments(form) || path.StartsWithSegments("/account/logout")
            || path.StartsWithSegments("/account/language") || path.StartsWithSegments("/_content");

    private static bool IsPage(PathString path)
        => !path.StartsWithSegments("/api") && !path.StartsWithSegments("/graphql") && !path.StartsWithSegments(OpenIdServerRequests.PathPrefix);
}
