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
            var subject = day is null ? $"Opening hours entry {entry.Number}" : $"Opening hours on {day}";
            var opens = ReadTime(entry, "Opens", subject, context);
            var closes = ReadTime(entry, "Closes", subject, context);
            if (day is null || opens is not { } from || closes is not { } to)
            {
                continue;
            }
            if (from >= to)
            {
                var message = $"{subject}: 'closes' ({Format(to)}) must be after 'opens' ({Format(from)}).";
                if (to < from)
                {
                    message += " Opening hours past midnight are not supported; split them into two entries, one closing at 23:59 and one opening at 00:00 on the next day.";
                }
                context.Fail($"{entry.Path}.Closes.Value", message);
                continue;
            }
            var range = new Range(entry, day, from, to);
            if (ranges.FirstOrDefault(r => r.Day == day && r.Opens < to && from < r.Closes) is { } other)
            {
                context.Fail(
                    $"{entry.Path}.Opens.Value",
                    $"{subject}: {Format(from)}–{Format(to)} overlaps {Format(other.Opens)}–{Format(other.Closes)} in entry {other.Entry.Number}; ranges on the same day must not overlap.");
            }
            ranges.Add(range);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The entry's day as a schema.org day name, normalised in place; null (after reporting) when missing or unknown.</summary>
    private static string? ReadDay(TwinningJson.BagEntry entry, ContentValidationContext context)
    {
        var path = $"{entry.Path}.DayOfWeek.Text";
        var text = TwinningJson.Text(entry.Part, "DayOfWeek");
        if (text is null)
        {
            context.Fail(path, $"Opening hours entry {entry.Number}: the day of the week is missing.");
            return null;
        }
        if (OpeningHours.ParseDay(text) is not { } parsed)
        {
            context.Fail(path, $"Opening hours entry {entry.Number}: '{text}' is not a day of the week; use one of {string.Join(", ", OpeningHours.Days)}.");
            return null;
        }
        var day = parsed.ToString();
        TwinningJson.SetText(entry.Part, "DayOfWeek", day);
        return day;
    }

    private static TimeSpan? ReadTime(TwinningJson.BagEntry entry, string field, string subject, ContentValidationContext context)
    {
        var path = $"{entry.Path}.{field}.Value";
        var label = field.ToLowerInvariant();
        var text = TwinningJson.Value(entry.Part, field);
        if (text is null)
        {
            context.Fail(path, $"{subject}: '{label}' is missing.");
            return null;
        }
        if (OpeningHours.ParseTime(text) is not { } time)
        {
            context.Fail(path, $"{subject}: '{label}' must be a time of day (HH:mm or HH:mm:ss); '{text}' is not.");
            return null;
        }
        return time;
    }

    private static string Format(TimeSpan time)
        => time.ToString(time.Seconds == 0 && time.Milliseconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private sealed record Range(TwinningJson.BagEntry Entry, string Day, TimeSpan Opens, TimeSpan Closes);
}
