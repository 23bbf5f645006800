using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.ContentPickerField;

/// <summary>A select of the items of the allowed types (several with Multiple). The list only helps: the save checks
/// the allowed types again (ContentPickerFieldType), so a forged choice is refused.</summary>
public sealed class ContentPickerFieldEditor : IContentFieldEditor
{
    public string FieldType => "ContentPickerField";
    public string View => "/Features/ContentFields/ContentPickerField/ContentPickerFieldEditor.cshtml";

    public JsonObject Read(EditorForm form)
        => new() { ["ContentItemIds"] = new JsonArray([.. form.Texts("ContentItemIds").Where(id => id.Length > 0).Distinct().Select(id => (JsonNode)id)]) };
}
