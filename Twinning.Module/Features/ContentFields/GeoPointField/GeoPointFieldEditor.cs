using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.GeoPointField;

/// <summary>Latitude and longitude in degrees, with a point or the editor's decimal separator; both empty is no point.</summary>
public sealed class GeoPointFieldEditor : IContentFieldEditor
{
    public string FieldType => "GeoPointField";
    public string View => "/Features/ContentFields/GeoPointField/GeoPointFieldEditor.cshtml";
    public bool Grouped => true;

    public JsonObject Read(EditorForm form) => new() { ["Latitude"] = Number(form, "Latitude"), ["Longitude"] = Number(form, "Longitude") };

    private static JsonNode? Number(EditorForm form, string member)
    {
        var text = form.Text(member);
        if (text.Length == 0)
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || decimal.TryParse(text, NumberStyles.Float, CultureInfo.CurrentCulture, out number))
        {
            return number;
        }
        form.Fail(member, "Editor.NotANumber", ("value", text));
        return text;
    }
}
