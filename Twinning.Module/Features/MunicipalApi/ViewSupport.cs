using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Twinning.Core.Content;
using Twinning.Core.Municipal;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.MunicipalApi;

/// <summary>What every municipal endpoint shares over HTTP: the address links start with, the site as the outputs see it,
/// the culture asked for, and the 401/403/404 problem responses.</summary>
internal static class ViewSupport
{
    /// <summary>The site as the outputs see it, with the address its links start with.</summary>
    public static async Task<ViewSite> SiteAsync(SiteService site, HttpContext http)
    {
        var settings = await site.GetAsync();
        return new ViewSite(settings.SiteName, TwinningViews.Zone(settings.TimeZoneId), PublicUrls.Links(http));
    }

    /// <summary>401 for an anonymous caller, 403 for a signed-in one, without ViewContent on <paramref name="contentType"/>; null when allowed.</summary>
    public static Task<ProblemHttpResult?> DenyAsync(IAuthorizationService permissions, HttpContext http, string? contentType)
        => permissions.DenyAsync(http.User, Permissions.ViewContent, contentType,
            detail: $"Viewing {(contentType is null ? "content" : $"'{contentType}' content")} needs the '{Permissions.ViewContent}' permission.");

    public static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>The published item of one of <paramref name="types"/> that the caller may view, or the problem to return.
    /// The permission is checked first, so a caller who may not view the type cannot probe which ids exist.</summary>
    public static async Task<(ContentItem? Item, ProblemHttpResult? Problem)> LoadAsync(
        string contentItemId, ContentStore store, IAuthorizationService permissions, HttpContext http, params string[] types)
    {
        if (types.Length == 1 && await DenyAsync(permissions, http, types[0]) is { } denied)
        {
            return (null, denied);
        }
        var item = await store.GetAsync(contentItemId, VersionOptions.Published);
        if (item is null || (types.Length > 0 && !types.Contains(item.ContentType, StringComparer.Ordinal)))
        {
            if (types.Length != 1 && await DenyAsync(permissions, http, null) is { } cannotView)
            {
                return (null, cannotView);
            }
            return (null, NotFound(ViewMessages.NotPublished(contentItemId, types)));
        }
        if (types.Length != 1 && await DenyAsync(permissions, http, item.ContentType) is { } cannotViewType)
        {
            return (null, cannotViewType);
        }
        return (item, null);
    }

    /// <summary>The culture asked for, or the site's default; a problem naming <c>culture</c> when the site does not support it.</summary>
    public static (string? Culture, ValidationProblem? Problem) Culture(string? requested, SiteSettings settings)
    {
        var localization = settings.LocalizationSettings;
        var (culture, error) = TwinningViews.ResolveCulture(requested, localization.DefaultCulture, localization.SupportedCultures);
        return error is null
            ? (culture, null)
            : (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["culture"] = [error] }, title: ViewMessages.UnsupportedCultureTitle));
    }
}
