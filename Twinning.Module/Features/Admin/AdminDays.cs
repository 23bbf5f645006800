using System.Globalization;

namespace Twinning.Module.Features.Admin;

/// <summary>The days typed into the admin's date filters (the content list's "changed from/to", the audit log's range).</summary>
public static class AdminDays
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The years a day may fall in. The filters turn a day into the instants of its start and of the next day's
    /// start, in the site's time zone; at the calendar's two ends those fell outside it, and the page failed with a server
    /// error.</summary>
    public const int FirstYear = 1900, LastYear = 9998;

    /// <summary>The day written as <see cref="Format"/> in the years <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
    public static bool TryParse(string? text, out DateOnly day)
        => DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && day.Year is >= FirstYear and <= LastYear;
}
