using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;

namespace Twinning.Core.Municipal.PartnerCities;

/// <summary>Partner cities as an RFC 7946 GeoJSON FeatureCollection of points. Cities without a location cannot be
/// drawn; they are left out and counted in the foreign member <c>excludedWithoutLocation</c>.</summary>
public static class PartnerCityMap
{
    public const string ContentType = "application/geo+json";

    public static JsonObject Build(IEnumerable<ContentItem> cities, PageLinks links)
    {
        var features = new JsonArray();
        var excluded = 0;
        foreach (var city in cities)
        {
            var part = ViewContent.TypePart(city);
            if (ViewContent.Geo(part, "Location") is not { } point)
            {
                excluded++;
                continue;
            }
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = city.ContentItemId,
                ["geometry"] = new JsonObject
                {
                    ["type"] = "Point",
                    ["coordinates"] = new JsonArray(point.Longitude, point.Latitude),
                },
                ["properties"] = new JsonObject
                {
                    ["contentItemId"] = city.ContentItemId,
                    ["name"] = city.DisplayText,
                    ["endonym"] = ViewContent.Text(part, "Endonym"),
                    ["country"] = ViewContent.Text(part, "Country"),
                    ["status"] = LatestStatus(city),
                    ["partnershipSince"] = ViewContent.Date(part, "PartnershipSince")?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["partnershipSincePrecision"] = ViewContent.Text(part, "PartnershipSincePrecision"),
                    ["url"] = links.PageUrl(city),
                },
            });
        }
        return new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = features,
            ["excludedWithoutLocation"] = excluded,
        };
    }

    /// <summary>The status of the latest dated entry of the status history (the later entry wins a tie);
    /// the last entry's when none is dated; null without a history.</summary>
    public static string? LatestStatus(ContentItem city)
    {
        var entries = ViewContent.Bag(city, "StatusHistory", "PartnershipStatusChange")
            .Select((part, index) => (Index: index, Date: ViewContent.Value(part, "Date") is { } d ? FieldValues.ParseDate(d) : null, Status: ViewContent.Text(part, "Status")))
            .Where(e => e.Status is not null)
            .ToList();
        var dated = entries.Where(e => e.Date is not null).ToList();
        var latest = dated.Count > 0
            ? dated.OrderBy(e => e.Date).ThenBy(e => e.Index).Last()
            : entries.LastOrDefault();
        return latest.Status;
    }
}
