using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Twinning.Core.Municipal.ContactPoints;

/// <summary>The next time a place opens: its weekday, the local opening time, and the instant in the site's zone.</summary>
public sealed record NextOpening(IsoDayOfWeek Day, LocalTime Opens, ZonedDateTime At);

/// <summary>Whether a place is open at an instant, when it closes if so, and when it next opens.</summary>
public sealed record OpeningStatus(bool Open, ZonedDateTime LocalTime, ZonedDateTime? ClosesAt, NextOpening? NextOpening);

/// <summary>
/// Open-now and next-opening for weekly opening hours in one time zone. Each day's hours are placed on the
/// calendar dates around the instant and resolved in the zone, so the instants are right across a daylight-saving
/// change: a time that falls into the spring gap moves forward by the gap, and a time the autumn change repeats
/// means its first occurrence. The search looks one week ahead (today's weekday again included).
/// </summary>
public sealed class OpeningHoursCalculator(DateTimeZone zone)
{
    private const int DaysAhead = 7;

    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss");
    private static readonly OffsetDateTimePattern AtPattern = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern OutputPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public DateTimeZone Zone { get; } = zone;

    public OpeningStatus Compute(IReadOnlyCollection<OpeningHoursRange> hours, Instant at)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var now = at.InZone(Zone);
        var today = now.Date;
        ZonedDateTime? closesAt = null;
        NextOpening? next = null;
        // Ranges lie within one day (the save rules see to it), so no range from yesterday reaches into today.
        for (var offset = 0; offset <= DaysAhead && next is null; offset++)
        {
            var date = today.PlusDays(offset);
            foreach (var range in hours.Where(h => h.Day == date.DayOfWeek).OrderBy(h => h.Opens))
            {
                var opens = Resolve(date.At(range.Opens));
                var closes = Resolve(date.At(range.Closes));
                if (opens.ToInstant() <= at && at < closes.ToInstant())
                {
                    closesAt ??= closes;
                }
                else if (opens.ToInstant() > at && next is null)
                {
                    next = new NextOpening(range.Day, range.Opens, opens);
                }
            }
        }
        return new OpeningStatus(closesAt is not null, now, closesAt, next);
    }

    /// <summary>The years an instant asked about may fall in: the status looks a week ahead in the site's zone, and NodaTime's
    /// calendar ends with the year 9999 (an instant in its last days overflowed, and the request failed).</summary>
    public const int FirstYear = 1, LastYear = 9998;

    /// <summary>An instant from ISO 8601 with an offset or <c>Z</c> (<c>2024-05-06T12:00:00Z</c>,
    /// <c>2024-05-06T14:00:00+02:00</c>) in the years <see cref="FirstYear"/> to <see cref="LastYear"/>; null for anything
    /// else, a local time without offset included.</summary>
    public static Instant? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var result = AtPattern.Parse(text.Trim());
        return result.Success && result.Value.Year is >= FirstYear and <= LastYear ? result.Value.ToInstant() : null;
    }

    /// <summary>The instant the opening-status endpoint is asked about: now when <paramref name="at"/> is absent, else
    /// <paramref name="at"/> parsed; the message for the <c>at</c> parameter when it is not an instant.</summary>
    public static (Instant Instant, string? Error) RequestedInstant(string? at, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (at is null)
        {
            return (Instant.FromDateTimeOffset(time.GetUtcNow()), null);
        }
        return ParseInstant(at) is { } parsed ? (parsed, null) : (default, ViewMessages.InvalidInstant(at));
    }

    /// <summary>The status as the opening-status endpoint returns it.</summary>
    public static JsonObject ToJson(OpeningStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new JsonObject
        {
            ["open"] = status.Open,
            ["timeZone"] = status.LocalTime.Zone.Id,
            ["localTime"] = Iso(status.LocalTime),
            ["closesAt"] = status.ClosesAt is { } closes ? Iso(closes) : null,
            ["nextOpening"] = status.NextOpening is { } next
                ? new JsonObject
                {
                    ["day"] = next.Day.ToString(),
                    ["opens"] = TimePattern.Format(next.Opens),
                    ["at"] = Iso(next.At),
                }
                : null,
        };
    }

    /// <summary>ISO 8601 with the zone's offset at that instant, to the second (<c>2024-05-06T13:00:00+02:00</c>).</summary>
    public static string Iso(ZonedDateTime value)
        => OutputPattern.Format(value.ToOffsetDateTime());

    private ZonedDateTime Resolve(LocalDateTime local) => Zone.ResolveLocal(local, Resolvers.LenientResolver);
}
