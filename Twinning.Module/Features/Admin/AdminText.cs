using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Twinning.Module.Features.Admin;

/// <summary>The admin's texts: <c>IStringLocalizer&lt;AdminText&gt;</c> reads <c>AdminText.resx</c> (English, the
/// default) and <c>AdminText.pl.resx</c> (Polish) beside this file. Keys name where a text is used
/// (<c>Media.Upload</c>), so a missing translation shows as its key instead of passing for English.</summary>
public sealed class AdminText
{
    private AdminText()
    {
    }
}

/// <summary>The languages the admin speaks and how an editor's choice is remembered.</summary>
public static class AdminCultures
{
    /// <summary>English stays the default, as the pages were before they were translated.</summary>
    public static readonly CultureInfo Default = CultureInfo.GetCultureInfo("en");

    public static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static readonly IReadOnlyList<CultureInfo> Supported = [Default, Polish];

    /// <summary>The cookie holding the editor's language, in ASP.NET Core's <c>c=…|uic=…</c> format.</summary>
    public const string CookieName = ".Twinning.Culture";

    /// <summary>The language's name in itself ("Polski", "English"): the switch is read by someone who may not read
    /// the page's current language.</summary>
    public static string NativeName(CultureInfo culture)
        => culture.TextInfo.ToTitleCase((culture.IsNeutralCulture ? culture : culture.Parent).NativeName);

    /// <summary>The first language of a browser's <c>Accept-Language</c> (by its weights) that the admin speaks, by
    /// language alone (<c>pl</c>, <c>pl-PL</c> and <c>en-GB</c> all match), or null when it speaks none of them.</summary>
    public static CultureInfo? FromBrowser(string? acceptLanguage)
        => StringWithQualityHeaderValue.TryParseList(acceptLanguage?.Split(','), out var languages)
            ? languages.Where(l => l.Quality is not 0)
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => Supported.FirstOrDefault(c => string.Equals(
                    c.TwoLetterISOLanguageName, l.Value.Value?.Split('-')[0], StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(c => c is not null)
            : null;

    /// <summary>A supported culture by name (as the language switch posts it), or null.</summary>
    public static CultureInfo? Find(string? name)
        => Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Remembers <paramref name="culture"/> as this browser's admin language for a year (the cookie the
    /// request's language is read from first).</summary>
    public static void Remember(HttpResponse response, CultureInfo culture)
        => response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });

    /// <summary>Forgets this browser's admin language: it follows the browser's languages again.</summary>
    public static void Forget(HttpResponse response) => response.Cookies.Delete(CookieName);
}
