using System.Globalization;
using System.Text.Json.Nodes;

namespace Twinning.Core.Content.Shapes;

/// <summary>Reads the Orchard Core field shapes the views render, tolerating absent, blank and mistyped values.</summary>
internal static class ViewContent
{
    /// <summary>The implicit part named after the item's type (where its own fields live).</summary>
    public static JsonObject? TypePart(ContentItem item) => item.Part(item.ContentType);

    public static string? Text(JsonObject? part, string field) => Member(part?[field], "Text");

    public static string? Value(JsonObject? part, string field) => Member(part?[field], "Value");

    public static DateTime? Utc(JsonObject? part, string field)
        => Value(part, field) is { } text ? FieldValues.ParseUtc(text) : null;

    public static DateOnly? Date(JsonObject? part, string field)
        => Value(part, field) is { } text ? FieldValues.ParseDate(text) : null;

    public static TimeSpan? Time(JsonObject? part, string field)
        => Value(part, field) is { } text ? FieldValues.ParseTime(text) : null;

    public static decimal? Number(JsonObject? part, string field)
        => (part?[field] as JsonObject)?["Value"] is JsonValue value && TryDecimal(value, out var number) ? number : null;

    public static IReadOnlyList<string> Ids(JsonObject? part, string field) => Strings((part?[field] as JsonObject)?["ContentItemIds"]);

    public static IReadOnlyList<string> Values(JsonObject? part, string field) => Strings((part?[field] as JsonObject)?["Values"]);

    public static string? LinkUrl(JsonObject? part, string field) => Member(part?[field], "Url");

    /// <summary>A GeoPointField's coordinates, or null when either is missing or out of range.</summary>
    public static GeoPoint? Geo(JsonObject? part, string field)
    {
        if (part?[field] is not JsonObject point
            || point["Latitude"] is not JsonValue latitude || !TryDecimal(latitude, out var lat)
            || point["Longitude"] is not JsonValue longitude || !TryDecimal(longitude, out var lon)
            || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return null;
        }
        return new GeoPoint(lat, lon);
    }

    public static string? Html(ContentItem item) => Member(item.Part("HtmlBodyPart"), "Html");

    public static string? Path(ContentItem item) => Member(item.Part("AutoroutePart"), "Path");

    public static string? Culture(ContentItem item) => Member(item.Part("LocalizationPart"), "Culture");

    /// <summary>The content items of a BagPart, each with the part named after its type.</summary>
    public static IEnumerable<JsonObject> Bag(ContentItem item, string bagName, string entryType)
    {
        if (item.Part(bagName)?["ContentItems"] is not JsonArray entries)
        {
            yield break;
        }
        foreach (var entry in entries.OfType<JsonObject>())
        {
            if (entry[entryType] is JsonObject part)
            {
                yield return part;
            }
        }
    }

    /// <summary>The media paths of a MediaField with their alt texts (index-aligned, as Orchard stores them).</summary>
    public static IEnumerable<(string Path, string? Text)> Media(JsonObject? part, string field)
    {
        var media = part?[field] as JsonObject;
        var paths = Strings(media?["Paths"]);
        var texts = media?["MediaTexts"] as JsonArray;
        for (var i = 0; i < paths.Count; i++)
        {
            var text = texts is not null && i < texts.Count ? AsString(texts[i]) : null;
            yield return (paths[i], string.IsNullOrWhiteSpace(text) ? null : text);
        }
    }

    private static string? Member(JsonNode? node, string member)
    {
        var text = AsString((node as JsonObject)?[member])?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static List<string> Strings(JsonNode? node)
        => (node as JsonArray ?? []).Select(AsString).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList();

    private static string? AsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool TryDecimal(JsonValue value, out decimal number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }
        if (value.TryGetValue<double>(out var d) && double.IsFinite(d))
        {
            number = (decimal)d;
            return true;
        }
        return value.TryGetValue<string>(out var text)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}

/// <summary>A point as a GeoPointField stores it, in decimal degrees.</summary>
internal readonly record struct GeoPoint(decimal Latitude, decimal Longitude);
