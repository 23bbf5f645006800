using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
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

    /// <summary>The answer's members (RFC 6749 section 5.1), for the OpenAPI document.</summary>
    public sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>A refusal (RFC 6749 section 5.2): invalid_client (401), unsupported_grant_type or invalid_request (400).</summary>
    public sealed record TokenError(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription,
        [property: JsonPropertyName("error_uri")] string? ErrorUri);

    /// <summary>The form the endpoint reads, for the OpenAPI document (the OpenID server reads it before the endpoint runs).</summary>
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "grant_type", "client_id", "client_secret" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["grant_type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("client_credentials")] },
                            ["client_id"] = Text("The API client's id."),
                            ["client_secret"] = Text("The API client's secret."),
                            ["scope"] = Text("Optional scopes, separated by spaces."),
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
