using System.Globalization;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Rules;

namespace Twinning.Core.Municipal.ContactPoints;

/// <summary>
/// A contact point's opening hours: every entry names a schema.org day and a range within that day
/// ('opens' strictly before 'closes'), and entries on the same day do not overlap. Days written as
/// schema.org URLs (<c>https://schema.org/Monday</c>) are stored as the bare name.
/// </summary>
public sealed class OpeningHoursRule : IContentItemRule
{
    public bool AppliesTo(string contentType) => contentType == "ContactPoint";

    public ValueTask ValidateAsync(ContentValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ranges = new List<Range>();
        foreach (var entry in TwinningJson.BagEntries(context.Item, OpeningHours.BagName, OpeningHours.EntryType))
        {
            var day = ReadDay(entry, context);
            var subject = day is null
                ? RuleMessage.Of("OpeningHours.Entry", ("number", entry.Number))
                : RuleMessage.Of("OpeningHours.Day", ("day", RuleMessage.Of(DayNames[day])));
            var opens = ReadTime(entry, "Opens", subject, context);
            var closes = ReadTime(entry, "Closes", subject, context);
            if (day is null || opens is not { } from || closes is not { } to)
            {
                continue;
            }
            if (from >= to)
            {
                // Closing before opening is most likely hours past midnight, which the message explains.
                context.Fail($"{entry.Path}.Closes.Value", to < from ? "OpeningHours.PastMidnight" : "OpeningHours.ClosesAtOpening",
                    ("subject", subject), ("opens", Format(from)), ("closes", Format(to)));
                continue;
            }
            var range = new Range(entry, day, from, to);
            if (ranges.FirstOrDefault(r => r.Day == day && r.Opens < to && from < r.Closes) is { } other)
            {
                context.Fail($"{entry.Path}.Opens.Value", "OpeningHours.Overlap", ("subject", subject), ("opens", Format(from)), ("closes", Format(to)),
                    ("otherOpens", Format(other.Opens)), ("otherCloses", Format(other.Closes)), ("otherNumber", other.Entry.Number));
            }
            ranges.Add(range);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Each day's name as a message of its own, so that each language names the day ("Wednesday", "środa").</summary>
    private static readonly Dictionary<string, string> DayNames = new(StringComparer.Ordinal)
    {
        ["Monday"] = "Day.Monday",
        ["Tuesday"] = "Day.Tuesday",
        ["Wednesday"] = "Day.Wednesday",
        ["Thursday"] = "Day.Thursday",
        ["Friday"] = "Day.Friday",
        ["Saturday"] = "Day.Saturday",
        ["Sunday"] = "Day.Sunday",
    };

    /// <summary>The entry's day as a schema.org day name, normalised in place; null (after reporting) when missing or unknown.</summary>
    private static string? ReadDay(TwinningJson.BagEntry entry, ContentValidationContext context)
    {
        var path = $"{entry.Path}.DayOfWeek.Text";
        var text = TwinningJson.Text(entry.Part, "DayOfWeek");
        if (text is null)
        {
            context.Fail(path, "OpeningHours.DayMissing", ("number", entry.Number));
            return null;
        }
        if (OpeningHours.ParseDay(text) is not { } parsed)
        {
            context.Fail(path, "OpeningHours.UnknownDay", ("number", entry.Number), ("value", text), ("days", string.Join(", ", OpeningHours.Days)));
            return null;
        }
        var day = parsed.ToString();
        TwinningJson.SetText(entry.Part, "DayOfWeek", day);
        return day;
    }

    /// <summary>The entry's <paramref name="field"/>: Opens or Closes.</summary>
    private static TimeSpan? ReadTime(TwinningJson.BagEntry entry, string field, RuleMessage subject, ContentValidationContext context)
    {
        var path = $"{entry.Path}.{field}.Value";
        var (missing, notATime) = field == "Opens"
            ? ("OpeningHours.OpensMissing", "OpeningHours.OpensNotATime")
            : ("OpeningHours.ClosesMissing", "OpeningHours.ClosesNotATime");
        var text = TwinningJson.Value(entry.Part, field);
        if (text is null)
        {
            context.Fail(path, missing, ("subject", subject));
            return null;
        }
        if (OpeningHours.ParseTime(text) is not { } time)
        {
            context.Fail(path, notATime, ("subject", subject), ("value", text));
            return null;
        }
        return time;
    }

    private static string Format(TimeSpan time)
        => time.ToString(time.Seconds == 0 && time.Milliseconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private sealed record Range(TwinningJson.BagEntry Entry, string Day, TimeSpan Opens, TimeSpan Closes);
}
