using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;

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

    private sealed record Filtered(IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] Others);

    /// <summary>Lets OpenIddict's server handle requests to its endpoints, before the authentication middleware.</summary>
    public static IApplicationBuilder UseOpenIdServerRequests(IApplicationBuilder app)
        => app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix), connect => connect.Use(async (context, next) =>
        {
            var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
            if (await handlers.GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler server
                && await server.HandleRequestAsync())
            {
                return;
            }
            await next(context);
        }));
}
