using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;

namespace Twinning.Core.Municipal.ContactPoints;

/// <summary>One opening range on a weekday, in the site's local time.</summary>
public sealed record OpeningHoursRange(IsoDayOfWeek Day, LocalTime Opens, LocalTime Closes);

/// <summary>
/// How a contact point stores its weekly opening hours: entries of its <c>OpeningHours</c> bag, each a schema.org day
/// and a time range. The one reader of that shape: the save rule checks entries with it, and the opening status and
/// JSON-LD read the same entries with it, so what the rule accepts is exactly what the outputs show.
/// </summary>
public static class OpeningHours
{
    public const string BagName = "OpeningHours";
    public const string EntryType = "OpeningHoursSpecification";

    /// <summary>The days in schema.org's order; their names are schema.org's day names.</summary>
    public static readonly IReadOnlyList<IsoDayOfWeek> Days =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    private static readonly string[] SchemaOrgPrefixes = ["https://schema.org/", "http://schema.org/"];

    /// <summary>A schema.org day: its name in any case (<c>Monday</c>, <c>monday</c>) or its schema.org URL
    /// (<c>https://schema.org/Monday</c>); null for anything else, a list of days or another site's URL included.</summary>
    public static IsoDayOfWeek? ParseDay(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var name = text.Trim();
        foreach (var prefix in SchemaOrgPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
                break;
            }
        }
        foreach (var day in Days)
        {
            if (string.Equals(day.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>An <c>Opens</c> or <c>Closes</c> value: a time of day (HH:mm or HH:mm:ss), or null.</summary>
    public static TimeSpan? ParseTime(string? text) => text is null ? null : FieldValues.ParseTime(text);

    /// <summary>The ranges of a contact point; entries whose day or times do not parse, or that close before they open,
    /// are skipped (the save rule rejects them, so only content written around the rule has any).</summary>
    public static IReadOnlyList<OpeningHoursRange> Read(ContentItem contactPoint)
    {
        var ranges = new List<OpeningHoursRange>();
        foreach (var entry in TwinningJson.BagEntries(contactPoint, BagName, EntryType))
        {
            if (ParseDay(TwinningJson.Text(entry.Part, "DayOfWeek")) is { } day
                && ParseTime(TwinningJson.Value(entry.Part, "Opens")) is { } opens
                && ParseTime(TwinningJson.Value(entry.Part, "Closes")) is { } closes
                && opens < closes)
            {
                ranges.Add(new OpeningHoursRange(day, LocalTime.FromTicksSinceMidnight(opens.Ticks), LocalTime.FromTicksSinceMidnight(closes.Ticks)));
            }
        }
        return ranges;
    }
}
