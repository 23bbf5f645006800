using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Twinning.Module.Features.ContentEditing;

/// <summary>A date and time as an editor types it (an HTML <c>datetime-local</c> input), in the site's time zone, and
/// the instant it stands for. A time the clocks skip (the spring change) is refused; of a time that happens twice
/// (autumn) the first is taken.</summary>
public static class LocalDateTimes
{
    private static readonly LocalDateTimePattern[] Patterns =
        [LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"), LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss")];

    /// <summary>The instant <paramref name="text"/> names in <paramref name="zone"/>, or the key of
    /// <see cref="Twinning.Core.Rules.RuleText"/> saying why it names none (arguments <c>value</c> and <c>zone</c>).</summary>
    public static (Instant? Value, string? Problem) Parse(string text, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Patterns.Select(p => p.Parse(text ?? "")).FirstOrDefault(r => r.Success) is not { } parsed)
        {
            return (null, "Editor.NotADateTime");
        }
        var mapping = zone.MapLocal(parsed.Value);
        return mapping.Count == 0 ? (null, "Editor.SkippedTime") : (mapping.First().ToInstant(), null);
    }

    /// <summary>The input <c>{Name}.{member}</c> as an instant: null when empty, and null with the problem reported to the
    /// form when it names no instant.</summary>
    public static Instant? Read(EditorForm form, string member)
    {
        ArgumentNullException.ThrowIfNull(form);
        var text = form.Text(member);
        if (text.Length == 0)
        {
            return null;
        }
        var (value, problem) = Parse(text, form.Zone);
        if (problem is not null)
        {
            form.Fail(member, problem, ("value", text), ("zone", form.Zone.Id));
        }
        return value;
    }

    /// <summary>The instant as a <c>datetime-local</c> input shows it in <paramref name="zone"/>.</summary>
    public static string InputText(Instant instant, DateTimeZone zone)
        => instant.InZone(zone).LocalDateTime.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture);
}
