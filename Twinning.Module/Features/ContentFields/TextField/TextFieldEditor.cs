using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.TextField;

/// <summary>A single line, several lines (the TextArea editor) or one of a predefined list (the PredefinedList editor).</summary>
public sealed class TextFieldEditor : IContentFieldEditor
{
    public string FieldType => "TextField";
    public string View => "/Features/ContentFields/TextField/TextFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new() { ["Text"] = form.Text("Text") };
}
