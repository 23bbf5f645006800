using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Site;

/// <summary>The facts a front end needs before it asks for content: <c>GET /api/site</c>.</summary>
public static class SiteApi
{
    public static IEndpointRouteBuilder MapSiteApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/site", GetAsync)
            .WithTags("Site")
            .WithName("ApiGetSite")
            .WithSummary("The site's name, cultures, default culture, time zone and public address.")
            // Kept and tagged like content: it changes only when the settings do.
            .CacheBySiteState();
        return routes;
    }

    private static async Task<Results<Ok<SiteFacts>, ProblemHttpResult>> GetAsync(SiteService site, IAuthorizationService authorization, HttpContext http)
    {
        if (await authorization.DenyAsync(http.User, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        var settings = await site.GetAsync();
        var localization = settings.LocalizationSettings;
        return TypedResults.Ok(new SiteFacts(
            settings.SiteName,
            localization.DefaultCulture,
            localization.SupportedCultures.Contains(localization.DefaultCulture) ? localization.SupportedCultures : [localization.DefaultCulture, .. localization.SupportedCultures],
            settings.TimeZoneId,
            PublicUrls.BaseUrl(http)));
    }
}

/// <summary>The answer of <c>GET /api/site</c>. <c>PublicBaseUrl</c> is the address every absolute link of the API starts
/// with (<c>Twinning:Hosting:PublicBaseUrl</c>, or the address the request was sent to when none is configured).</summary>
public sealed record SiteFacts(string SiteName, string DefaultCulture, IReadOnlyList<string> SupportedCultures, string TimeZone, string PublicBaseUrl);
