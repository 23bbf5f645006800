using System.Globalization;

namespace Twinning.Core.Content.Shapes;

/// <summary>Parsing of the text forms that date, date-time and time fields store.</summary>
public static class FieldValues
{
    /// <summary>The years date and date-time fields accept. iCalendar (RFC 5545) and ISO 8601, as JSON-LD writes
    /// it, have four-digit years, and a date-time shown in the site's time zone can move into the year before or
    /// after; a year is kept clear at each end. Twinning's content (forums, partnerships, agreements) needs nothing
    /// before the year 1000.</summary>
    public const int FirstYear = 1000;

    /// <inheritdoc cref="FirstYear"/>
    public const int LastYear = 9998;

    public static bool IsAcceptedYear(int year) => year is >= FirstYear and <= LastYear;

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

    /// <summary>
    /// A date field value as a client may send it: a date (<c>2017-04-27</c>), or the midnight date-time Orchard Core
    /// writes for a date (<c>2017-04-27T00:00:00</c>, <c>2017-04-27T00:00:00Z</c>). Unlike <see cref="ParseDate"/>,
    /// which reads whatever is stored, it gives null for a time of day or an offset other than UTC: the field holds a
    /// date only, and such a value would name a different day depending on who reads it.
    /// </summary>
    public static DateOnly? ParseDateInput(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            && value.Offset == TimeSpan.Zero && value.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(value.DateTime)
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
