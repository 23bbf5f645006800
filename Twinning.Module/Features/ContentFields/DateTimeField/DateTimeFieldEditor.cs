using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime.Text;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.DateTimeField;

/// <summary>An instant, typed as a date and time in the site's time zone and stored in UTC. A time that the clock
/// skips (the spring change) is refused; of a time that happens twice (autumn) the first is taken.</summary>
public sealed class DateTimeFieldEditor : IContentFieldEditor
{
    private static readonly LocalDateTimePattern[] Patterns =
        [LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"), LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss")];

    public string FieldType => "DateTimeField";
    public string View => "/Features/ContentFields/DateTimeField/DateTimeFieldEditor.cshtml";

    public JsonObject Read(EditorForm form)
    {
        var text = form.Text("Value");
        if (text.Length == 0)
        {
            return new() { ["Value"] = null };
        }
        if (Patterns.Select(p => p.Parse(text)).FirstOrDefault(r => r.Success) is not { } parsed)
        {
            form.Fail("Value", "Editor.NotADateTime", ("value", text));
            return new() { ["Local"] = text };
        }
        var mapping = form.Zone.MapLocal(parsed.Value);
        if (mapping.Count == 0)
        {
            form.Fail("Value", "Editor.SkippedTime", ("value", text), ("zone", form.Zone.Id));
            return new() { ["Local"] = text };
        }
        return new() { ["Value"] = mapping.First().ToInstant().ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
    }

    /// <summary>The value for the datetime-local input: the stored UTC instant in the site's time zone.</summary>
    public static string LocalText(EditorModel model)
    {
        if (model.Value["Local"] is JsonValue typed && typed.TryGetValue<string>(out var asTyped))
        {
            return asTyped;
        }
        var text = model.Text("Value");
        return InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant
            ? instant.Value.InZone(model.Zone).LocalDateTime.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture)
            : text;
    }
}
