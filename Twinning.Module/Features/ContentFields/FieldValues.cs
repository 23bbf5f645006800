using System.Globalization;

namespace Twinning.Module.Features.ContentFields;

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
