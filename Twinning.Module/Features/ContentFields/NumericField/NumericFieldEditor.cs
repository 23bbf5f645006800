using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.NumericField;

/// <summary>A number typed as text, with the editor's decimal separator or a point.</summary>
public sealed class NumericFieldEditor : IContentFieldEditor
{
    public string FieldType => "NumericField";
    public string View => "/Features/ContentFields/NumericField/NumericFieldEditor.cshtml";

    public JsonObject Read(EditorForm form)
    {
        var text = form.Text("Value");
        if (text.Length == 0)
        {
            return new() { ["Value"] = null };
        }
        if (decimal.TryParse(text.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.CurrentCulture, out var number)
            || decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out number))
        {
            return new() { ["Value"] = number };
        }
        form.Fail("Value", "Editor.NotANumber", ("value", text));
        return new() { ["Value"] = text };
    }
}
