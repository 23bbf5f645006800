using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.BooleanField;

/// <summary>A checkbox: unticked posts nothing, which is false.</summary>
public sealed class BooleanFieldEditor : IContentFieldEditor
{
    public string FieldType => "BooleanField";
    public string View => "/Features/ContentFields/BooleanField/BooleanFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new() { ["Value"] = form.Checked("Value") };
}
