using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Authentication;

/// <summary>
/// OpenIddict's server answers only at its endpoints (<c>/connect/token</c> here), but as an authentication request
/// handler it would be asked on every request whether the request is one of them, which cost about as much as
/// serving a small cached answer. Its scheme is therefore left out of the request handlers the authentication
/// middleware runs, and <see cref="UseOpenIdServerRequests"/> runs it for <c>/connect</c> paths only.
/// Signing in and challenging through the scheme are unchanged.
/// </summary>
internal sealed class OpenIdServerRequests(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    public const string PathPrefix = "/connect";

    // One object, so that a request on another thread never sees a list paired with another list's filtering.
    private Filtered? _filtered;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = await base.GetRequestHandlerSchemesAsync();
        // The base keeps one collection until schemes change: filter it again only then.
        var filtered = _filtered;
        if (filtered is null || !ReferenceEquals(filtered.All, all))
        {
            filtered = new Filtered(all, [.. all.Where(s => s.Name != OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)]);
            _filtered = filtered;
        }
        return filtered.Others;
    }

    /// <summary>Why the request's form or client credentials cannot be read or stored, or null.</summary>
    private static async Task<string?> UnreadableAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            try
            {
                if (JsonInput.FirstUnstorableField(await request.ReadFormAsync(request.HttpContext.RequestAborted)) is { } field)
                {
                    return $"{field.Name}: {field.Problem.English}";
                }
            }
            catch (InvalidDataException e)
            {
                return $"The form cannot be read: {e.Message}";
            }
        }
        // RFC 6749, 2.3.1: the client id and secret, each form-encoded, joined by a colon and base64-encoded. The header's
        // size is bounded by the server's limit on request headers.
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } parameter)
        {
            var decoded = new byte[(parameter.Length * 3 / 4) + 3];
            if (Convert.TryFromBase64String(parameter, decoded, out var length)
                && JsonInput.UnstorableText(Uri.UnescapeDataString(Encoding.UTF8.GetString(decoded, 0, length).Split(':')[0])) is { } problem)
            {
                return $"client_id: {problem.English}";
            }
        }
        return null;
    }

    private sealed record Filtered(IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] Others);

    /// <summary>Lets OpenIddict's server handle requests to its endpoints, before the authentication middleware.</summary>
    public static IApplicationBuilder UseOpenIdServerRequests(IApplicationBuilder app)
        => app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix), connect => connect.Use(async (context, next) =>
        {
            if (await UnreadableAsync(context.Request) is { } problem)
            {
                // Answered as OAuth answers a malformed request (RFC 6749, 5.2): a form the server cannot read failed with
                // a server error, and a client id with a NUL reached PostgreSQL, which refused it.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = problem });
                return;
            }
            var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
            if (await handlers.GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler server
                && await server.HandleRequestAsync())
            {
                return;
            }
            await next(context);
        }));
}
