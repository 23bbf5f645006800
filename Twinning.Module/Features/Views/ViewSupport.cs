using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Views;

/// <summary>What every view endpoint shares: absolute links, the site's time zone, the culture asked for,
/// and the 401/403/404 problem responses.</summary>
internal static class ViewSupport
{
    /// <summary>Readable JSON: non-ASCII text (Polish, Cyrillic) and offsets such as <c>+02:00</c> as they are.
    /// Safe because these responses are JSON media types, never HTML.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Readable non-ASCII text while still escaping HTML-sensitive characters (&lt; &gt; &amp; ' +), so
    /// JSON-LD can be pasted into a <c>script</c> element of a page as it is.</summary>
    public static readonly JsonSerializerOptions EmbeddableJson = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The item's page (its AutoroutePart path) as an absolute URL, or null when it has no path.</summary>
    public static string? PageUrl(string baseUrl, ContentItem item)
        => ViewContent.Path(item) is { } path ? $"{baseUrl}/{path.TrimStart('/')}" : null;

    /// <summary>The site's time zone; UTC when the settings name a zone the time zone database does not know.</summary>
    public static DateTimeZone Zone(SiteSettings settings)
        => DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZoneId) ?? DateTimeZone.Utc;

    /// <summary>401 for an anonymous caller, 403 for a signed-in one, without ViewContent on <paramref name="contentType"/>; null when allowed.</summary>
    public static Task<ProblemHttpResult?> DenyAsync(PermissionService permissions, HttpContext http, string? contentType)
        => permissions.DenyAsync(http.User, Permissions.ViewContent, contentType,
            detail: $"Viewing {(contentType is null ? "content" : $"'{contentType}' content")} needs the '{Permissions.ViewContent}' permission.");

    public static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>The published item of one of <paramref name="types"/> that the caller may view, or the problem to return.
    /// The permission is checked first, so a caller who may not view the type cannot probe which ids exist.</summary>
    public static async Task<(ContentItem? Item, ProblemHttpResult? Problem)> LoadAsync(
        string contentItemId, ContentStore store, PermissionService permissions, HttpContext http, params string[] types)
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
            var expected = types.Length == 0 ? "content item" : string.Join(" or ", types);
            return (null, NotFound($"There is no published {expected} '{contentItemId}'."));
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
        if (string.IsNullOrWhiteSpace(requested))
        {
            return (localization.DefaultCulture, null);
        }
        var supported = localization.SupportedCultures.Append(localization.DefaultCulture)
            .FirstOrDefault(c => string.Equals(c, requested.Trim(), StringComparison.OrdinalIgnoreCase));
        if (supported is null)
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["culture"] = [$"'{requested}' is not a culture of this site; use one of {string.Join(", ", localization.SupportedCultures)}."],
                },
                title: "Unsupported culture"));
        }
        return (supported, null);
    }
}
