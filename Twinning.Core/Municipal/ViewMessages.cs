
namespace Twinning.Core.Municipal;

/// <summary>What the municipal endpoints answer when a request cannot be served, in the same words on every host.
/// Each host wraps them in its own RFC 9457 problem response.</summary>
public static class ViewMessages
{
    public const string UnsupportedCultureTitle = "Unsupported culture";

    public const string InvalidInstantTitle = "Invalid instant";

    /// <summary>No published item of one of <paramref name="types"/> (any type when empty) has this id.</summary>
    public static string NotPublished(string contentItemId, IReadOnlyCollection<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var expected = types.Count == 0 ? "content item" : string.Join(" or ", types);
        return $"There is no published {expected} '{contentItemId}'.";
    }

    public static string NoJsonLd(string contentType, IEnumerable<string> typesWithJsonLd)
        => $"There is no JSON-LD for this type: '{contentType}'. JSON-LD is available for {string.Join(", ", typesWithJsonLd)}.";

    public static string InvalidInstant(string at)
        => $"'{at}' is not an instant; use ISO 8601 with an offset or Z, for example 2024-05-06T12:00:00Z or 2024-05-06T14:00:00+02:00, "
            + $"in the years {ContactPoints.OpeningHoursCalculator.FirstYear} to {ContactPoints.OpeningHoursCalculator.LastYear}.";
}
