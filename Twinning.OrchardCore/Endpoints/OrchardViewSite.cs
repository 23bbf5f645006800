using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrchardCore.Localization;
using OrchardCore.Settings;
using Twinning.Core.Municipal;

namespace Twinning.OrchardCore.Endpoints;

/// <summary>The Orchard site as the municipal outputs see it: its name, time zone, cultures and public address.</summary>
public sealed class OrchardViewSite(ISiteService siteService, ILocalizationService localization)
{
    public async Task<ViewSite> GetAsync(HttpRequest request)
    {
        var site = await siteService.GetSiteSettingsAsync();
        return new ViewSite(site.SiteName, TwinningViews.Zone(site.TimeZoneId), new PageLinks(BaseUrl(site.BaseUrl, request)));
    }

    public async Task<string> TimeZoneIdAsync() => (await siteService.GetSiteSettingsAsync()).TimeZoneId;

    /// <summary>The culture asked for, or the site's default; a problem naming <c>culture</c> when the site does not support it.</summary>
    public async Task<(string? Culture, ValidationProblem? Problem)> CultureAsync(string? requested)
    {
        var (culture, error) = TwinningViews.ResolveCulture(
            requested, await localization.GetDefaultCultureAsync(), await localization.GetSupportedCulturesAsync());
        return error is null
            ? (culture, null)
            : (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["culture"] = [error] }, title: ViewMessages.UnsupportedCultureTitle));
    }

    /// <summary>The address links start with: the site's Base URL setting when the webmaster has set one (behind a
    /// proxy that is the only trustworthy source), otherwise the request's scheme, host and path base.</summary>
    public static string BaseUrl(string? configured, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }
}
