using System.Globalization;
using NodaTime;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Rules;

namespace Twinning.Core.Municipal.Forums;

/// <summary>A forum with both a start and an end ends after it starts. Dates are shown in the site's time zone.</summary>
public sealed class ForumDatesRule : IContentItemRule
{
    /// <summary>The zone used when the site's time zone id is not a known IANA id.</summary>
    public const string FallbackTimeZoneId = "Europe/Warsaw";

    public bool AppliesTo(string contentType) => contentType == "Forum";

    public ValueTask ValidateAsync(ContentValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var part = context.Item.Part("Forum");
        // Unparseable values are the date-time field's own error; this rule compares the two it can read.
        if (TwinningJson.Value(part, "StartDate") is { } startText && FieldValues.ParseUtc(startText) is { } start
            && TwinningJson.Value(part, "EndDate") is { } endText && FieldValues.ParseUtc(endText) is { } end
            && end <= start)
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(context.TimeZoneId ?? "")
                ?? DateTimeZoneProviders.Tzdb[FallbackTimeZoneId];
            context.Fail("Forum.EndDate.Value", "Forum.EndsBeforeStart",
                ("start", Format(start, zone)), ("end", Format(end, zone)), ("zone", zone.Id));
        }
        return ValueTask.CompletedTask;
    }

    private static string Format(DateTime utc, DateTimeZone zone)
        => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc))
            .InZone(zone)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
