using System.Text.Json.Nodes;
using Twinning.Core.Content.Shapes;

namespace Twinning.Core.Municipal.JsonLd;

/// <summary>How every mapper writes schema.org values: blank values left out, lists as arrays, coordinates, licences.</summary>
public static class JsonLdDocument
{
    public const string Schema = "https://schema.org/";

    /// <summary>The JSON-LD address of an item: its <c>/api/twinning/jsonld</c> endpoint, so every <c>@id</c> can be fetched.</summary>
    public static string Id(string baseUrl, string contentItemId) => $"{baseUrl}/api/twinning/jsonld/{contentItemId}";

    /// <summary>Sets <paramref name="property"/> unless <paramref name="value"/> is blank.</summary>
    public static void Set(JsonObject node, string property, string? value)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!string.IsNullOrWhiteSpace(value))
        {
            node[property] = value;
        }
    }

    /// <summary>Adds <paramref name="value"/> to the array at <paramref name="property"/>, starting one when absent.</summary>
    public static void Append(JsonObject node, string property, JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node[property] is not JsonArray values)
        {
            values = [];
            node[property] = values;
        }
        values.Add(value);
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    internal static JsonObject Geo(GeoPoint point) => new()
    {
        ["@type"] = "GeoCoordinates",
        ["latitude"] = point.Latitude,
        ["longitude"] = point.Longitude,
    };

    /// <summary>An SPDX licence id (<c>CC0-1.0</c>) as its SPDX page; a URL as it is.</summary>
    public static string? License(string? licence)
        => licence is null ? null
            : licence.Contains("://", StringComparison.Ordinal) ? licence
            : $"https://spdx.org/licenses/{Uri.EscapeDataString(licence)}.html";
}
