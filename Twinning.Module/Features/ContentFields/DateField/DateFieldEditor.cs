using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.DateField;

/// <summary>A calendar date (the browser's date input posts yyyy-MM-dd); no value is null.</summary>
public sealed class DateFieldEditor : IContentFieldEditor
{
    public string FieldType => "DateField";
    public string View => "/Features/ContentFields/DateField/DateFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new() { ["Value"] = form.Text("Value") is { Length: > 0 } text ? text : null };
}
