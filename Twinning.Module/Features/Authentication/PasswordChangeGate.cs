using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Authentication;

/// <summary>A user who signed in with a temporary password may only change it (or sign out, or switch the admin's
/// language) until they have: a page (any GET outside the API, GraphQL and the token endpoint) sends them to
/// <c>/account/password</c>, and everything else is refused with 403.</summary>
public static class PasswordChangeGate
{
    public const string PasswordPath = "/account/password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(EditorSignIn.MustChangePasswordClaim, "true") && !IsAllowed(context.Request.Path))
            {
                if (HttpMethods.IsGet(context.Request.Method) && IsPage(context.Request.Path))
                {
                    context.Response.Redirect(PasswordPath + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                    return;
                }
                await PermissionProblems.Denied(context.User, "Change the temporary password at " + PasswordPath + " first.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool IsAllowed(PathString path)
        => path.StartsWithSegments(PasswordPath) || path.StartsWithSegments("/account/logout")
            || path.StartsWithSegments("/account/language") || path.StartsWithSegments("/_content");

    private static bool IsPage(PathString path)
        => !path.StartsWithSegments("/api") && !path.StartsWithSegments("/graphql") && !path.StartsWithSegments(OpenIdServerRequests.PathPrefix);
}
