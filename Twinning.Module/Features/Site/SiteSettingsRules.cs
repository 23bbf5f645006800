using System.Globalization;
using NodaTime;
using Twinning.Core.Municipal;

namespace Twinning.Module.Features.Site;

/// <summary>The checks every writer of the site settings applies: the recipe's <c>settings</c> step and the settings
/// page.</summary>
public static class SiteSettingsRules
{
    /// <summary>The culture's name as .NET spells it (<c>pl-pl</c> gives <c>pl-PL</c>), or null when .NET knows no
    /// such culture (a made-up tag, the invariant culture).</summary>
    public static string? CultureName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="id"/> is a time zone of the IANA database (<c>Europe/Warsaw</c>).</summary>
    public static bool IsTimeZone(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    /// <summary>The default culture is always among the supported ones: put first when it was missing.</summary>
    public static LocalizationSettings Localization(string defaultCulture, List<string> supported)
    {
        if (!supported.Contains(defaultCulture, StringComparer.Ordinal))
        {
            supported.Insert(0, defaultCulture);
        }
        return new LocalizationSettings { DefaultCulture = defaultCulture, SupportedCultures = supported };
    }

    /// <summary>Why <paramref name="pattern"/> cannot be the front end's preview address (an absolute http or https
    /// address with the placeholders of the page links), or null when it can.</summary>
    public static string? PreviewUrlProblem(string pattern) => PageLinks.Problem(pattern);
}
