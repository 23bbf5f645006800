using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Authentication;

/// <summary>Editors sign in with their user name and password into a cookie, and sign out; both forms carry an
/// anti-forgery token.</summary>
public static class AccountEndpoints
{
    public static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, string? returnUrl)
        => Page(http, antiforgery, returnUrl, message: null, StatusCodes.Status200OK);

    public static async Task<IResult> LoginAsync(
        HttpContext http, IAntiforgery antiforgery, UserService users,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindAsync(userName);
        if (user is null || string.IsNullOrEmpty(password) || !users.CheckPassword(user, password))
        {
            return Page(http, antiforgery, returnUrl, "The user name or the password is wrong.", StatusCodes.Status400BadRequest);
        }
        var identity = new ClaimsIdentity(TwinningAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.RoleName));
        }
        await http.SignInAsync(TwinningAuthentication.CookieScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
    }

    public static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: "The anti-forgery token is missing or invalid.");
        }
        await http.SignOutAsync(TwinningAuthentication.CookieScheme);
        return Results.LocalRedirect("/");
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = HtmlEncoder.Default;
        var hidden = $"""<input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">""";
        var body = http.User.Identity?.IsAuthenticated == true
            ? $"""
              <p>Signed in as {html.Encode(http.User.Identity.Name ?? "")}.</p>
              <form method="post" action="/account/logout">{hidden}<button type="submit">Sign out</button></form>
              """
            : $"""
              {(message is null ? "" : $"<p role=\"alert\">{html.Encode(message)}</p>")}
              <form method="post" action="/account/login">{hidden}
                <input type="hidden" name="returnUrl" value="{html.Encode(ReturnUrls.IsLocal(returnUrl) ? returnUrl : "")}">
                <label>User name <input name="userName" autocomplete="username" required></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                <button type="submit">Sign in</button>
              </form>
              """;
        return Results.Content(
            $"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body><h1>Sign in</h1>{body}</body></html>""",
            "text/html; charset=utf-8", statusCode: status);
    }
}
