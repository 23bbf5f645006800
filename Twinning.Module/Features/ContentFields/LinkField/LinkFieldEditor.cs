using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.LinkField;

/// <summary>An address and the text of the link.</summary>
public sealed class LinkFieldEditor : IContentFieldEditor
{
    public string FieldType => "LinkField";
    public string View => "/Features/ContentFields/LinkField/LinkFieldEditor.cshtml";
    public bool Grouped => true;

    public JsonObject Read(EditorForm form) => new() { ["Url"] = form.Text("Url"), ["Text"] = form.Text("Text") };
}
