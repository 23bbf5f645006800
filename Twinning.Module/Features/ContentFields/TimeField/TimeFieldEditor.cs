using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.TimeField;

/// <summary>A time of day (the browser's time input posts HH:mm), in the site's time zone as every time on the site.</summary>
public sealed class TimeFieldEditor : IContentFieldEditor
{
    public string FieldType => "TimeField";
    public string View => "/Features/ContentFields/TimeField/TimeFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new() { ["Value"] = form.Text("Value") is { Length: > 0 } text ? text : null };
}
