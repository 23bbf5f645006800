using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Twinning.Module.Features.Authentication;

/// <summary><c>POST /connect/token</c> after OpenIddict has checked the client and its secret: the access token
/// names the client (<c>sub</c>, <c>name</c>) and carries its roles (<c>role</c>).</summary>
public static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(HttpContext http, IOpenIddictApplicationManager applications, ApiClientService clients)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        if (!request.IsClientCredentialsGrantType() || request.ClientId is null
            || await applications.FindByClientIdAsync(request.ClientId) is not { } application)
        {
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnsupportedGrantType,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Only the client credentials grant is supported.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? request.ClientId);
        identity.SetClaims(Claims.Role, [.. await clients.GetRolesAsync(application)]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
