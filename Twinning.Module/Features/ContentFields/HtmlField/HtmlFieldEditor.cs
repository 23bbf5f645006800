using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.HtmlField;

/// <summary>HTML typed in a plain text area for now (no rich-text editor yet); the save keeps only what the
/// sanitiser allows, as for every write (HtmlFieldType).</summary>
public sealed class HtmlFieldEditor : IContentFieldEditor
{
    public string FieldType => "HtmlField";
    public string View => "/Features/ContentFields/HtmlField/HtmlFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new() { ["Html"] = form.Text("Html") };
}
