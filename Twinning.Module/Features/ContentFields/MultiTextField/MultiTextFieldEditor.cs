using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.MultiTextField;

/// <summary>Checkboxes of the field's options; a field without options takes one value a line.</summary>
public sealed class MultiTextFieldEditor : IContentFieldEditor
{
    public string FieldType => "MultiTextField";
    public string View => "/Features/ContentFields/MultiTextField/MultiTextFieldEditor.cshtml";
    public bool Grouped => true;

    public JsonObject Read(EditorForm form)
    {
        var values = form.Settings.Get<MultiTextFieldSettings>().Options.Count > 0
            ? form.Texts("Values")
            : form.Text("Values").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new() { ["Values"] = new JsonArray([.. values.Where(v => v.Length > 0).Distinct().Select(v => (JsonNode)v)]) };
    }
}
