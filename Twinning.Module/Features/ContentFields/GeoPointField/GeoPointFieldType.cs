using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.GeoPointField;

/// <summary>A latitude and longitude in degrees; not indexed.</summary>
public sealed partial class GeoPointFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "GeoPointField";
    public IReadOnlyList<string> Members { get; } = ["Latitude", "Longitude"];

    public Task ValidateAsync(FieldValidation field)
    {
        var lat = field.Field["Latitude"];
        var lon = field.Field["Longitude"];
        if (lat is null && lon is null)
        {
            if (field.Settings.Get<RequiredFieldSettings>("GeoPointFieldSettings").Required)
            {
                field.Fail("Latitude", "Field.Required");
            }
            return Task.CompletedTask;
        }
        if (!IsNumberIn(lat, -90, 90))
        {
            field.Fail("Latitude", "GeoPoint.Latitude");
        }
        if (!IsNumberIn(lon, -180, 180))
        {
            field.Fail("Longitude", "GeoPoint.Longitude");
        }
        return Task.CompletedTask;
    }

    private static bool IsNumberIn(JsonNode? node, decimal min, decimal max)
        => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) && d >= min && d <= max;

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];
}
