using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime.Text;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.DateTimeField;

/// <summary>An instant, typed as a date and time in the site's time zone and stored in UTC (<see cref="LocalDateTimes"/>:
/// a time that the clock skips is refused; of a time that happens twice the first is taken).</summary>
public sealed class DateTimeFieldEditor : IContentFieldEditor
{
    public string FieldType => "DateTimeField";
    public string View => "/Features/ContentFields/DateTimeField/DateTimeFieldEditor.cshtml";

    public JsonObject Read(EditorForm form)
    {
        var text = form.Text("Value");
        if (text.Length == 0)
        {
            return new() { ["Value"] = null };
        }
        return LocalDateTimes.Read(form, "Value") is { } instant
            ? new() { ["Value"] = instant.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) }
            : new() { ["Local"] = text };
    }

    /// <summary>The value for the datetime-local input: the stored UTC instant in the site's time zone.</summary>
    public static string LocalText(EditorModel model)
    {
        if (model.Value["Local"] is JsonValue typed && typed.TryGetValue<string>(out var asTyped))
        {
            return asTyped;
        }
        var text = model.Text("Value");
        return InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant ? LocalDateTimes.InputText(instant.Value, model.Zone) : text;
    }
}
