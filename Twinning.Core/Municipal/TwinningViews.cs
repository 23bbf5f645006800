using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;

namespace Twinning.Core.Municipal;

/// <summary>What every municipal output shares whichever host serves it: how its JSON is written, absolute page
/// links, the site's time zone and the culture asked for. The same bytes come out of every host.</summary>
public static class TwinningViews
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

    /// <summary>The site's time zone; UTC when the settings name a zone the time zone database does not know.</summary>
    public static DateTimeZone Zone(string timeZoneId)
        => DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) ?? DateTimeZone.Utc;

    /// <summary>The culture asked for (as the site spells it), or the site's default when none is asked for; the message
    /// for the <c>culture</c> parameter when the site does not support it.</summary>
    public static (string? Culture, string? Error) ResolveCulture(string? requested, string defaultCulture, IReadOnlyList<string> supportedCultures)
    {
        ArgumentNullException.ThrowIfNull(supportedCultures);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return (defaultCulture, null);
        }
        var supported = supportedCultures.Append(defaultCulture)
            .FirstOrDefault(c => string.Equals(c, requested.Trim(), StringComparison.OrdinalIgnoreCase));
        return supported is null
            ? (null, $"'{requested}' is not a culture of this site; use one of {string.Join(", ", supportedCultures)}.")
            : (supported, null);
    }
}
