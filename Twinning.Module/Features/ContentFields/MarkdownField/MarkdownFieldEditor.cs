using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.MarkdownField;

/// <summary>Markdown in a plain text area.</summary>
public sealed class MarkdownFieldEditor : IContentFieldEditor
{
    public string FieldType => "MarkdownField";
    public string View => "/Features/ContentFields/MarkdownField/MarkdownFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new() { ["Markdown"] = form.Text("Markdown") };
}
