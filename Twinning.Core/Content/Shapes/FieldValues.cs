using System.Globalization;

namespace Twinning.Core.Content.Shapes;

/// <summary>Parsing of the text forms that date, date-time and time fields store.</summary>
public static class FieldValues
{
    public static DateOnly? ParseDate(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        // Orchard stores DateField values as DateTime, so a full ISO date-time is accepted; its date part counts.
        // The date as written, whatever the offset and the server's time zone.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dateTime)
            ? DateOnly.FromDateTime(dateTime.DateTime)
            : null;
    }

    /// <summary>A date-time as UTC. Orchard stores date-time fields in UTC, so a value without an offset is UTC.</summary>
    public static DateTime? ParseUtc(string text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : null;

    public static TimeSpan? ParseTime(string text)
        => TimeSpan.TryParseExact(text, [@"h\:mm", @"hh\:mm", @"h\:mm\:ss", @"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF"], CultureInfo.InvariantCulture, out var time)
           && time >= TimeSpan.Zero && time < TimeSpan.FromDays(1)
            ? time
            : null;
}
