using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Rules;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentFields;

/// <summary>One field value being validated: the value, its definition's settings and label, where it sits in the
/// request, and the readers every field type shares, so each reports a wrong JSON kind the same way.</summary>
public sealed class FieldValidation(JsonObject field, JsonObject settings, string label, string path, ValidationScope scope, HtmlSanitizerService sanitizer)
{
    /// <summary>The most items one content picker or taxonomy field may hold: each is checked and indexed as a
    /// reference on every save, so an unbounded list would let one request hold the database for seconds.</summary>
    public const int MaxPickedItems = 1000;

    public JsonObject Field { get; } = field;
    public JsonObject Settings { get; } = settings;
    public string Label { get; } = label;
    public string Path { get; } = path;
    public ValidationScope Scope { get; } = scope;
    public HtmlSanitizerService Sanitizer { get; } = sanitizer;

    /// <summary>Reports an error on a member of the field (or an element, such as <c>Paths[2]</c>): a key of
    /// <see cref="RuleText"/> and its arguments, to which the field's label is added as <c>field</c>.</summary>
    public void Fail(string member, string key, params (string Name, object? Value)[] arguments)
        => Scope.Fail($"{Path}.{member}", key, [("field", Label), .. arguments]);

    /// <summary>Reads a string member, reporting a wrong JSON kind and an empty required value.</summary>
    public string? RequireText(string member, bool required)
    {
        var node = Field[member];
        string? text = null;
        if (node is not null && !(node is JsonValue value && value.TryGetValue(out text)))
        {
            Fail(member, "Field.NotText");
            return null;
        }
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Fail(member, "Field.Required");
        }
        return text;
    }

    /// <summary>The text of a date, date-time or time value, or null when there is none (or it was refused). Orchard
    /// Core holds these values as nullable dates and times: no value is null, and an empty text could not be read back.</summary>
    public string? ValueText(bool required)
    {
        var text = RequireText("Value", required);
        if (text is { Length: 0 } && !required)
        {
            Fail("Value", "Field.EmptyText");
        }
        // A blank required value has been reported as missing; it needs no second message.
        return string.IsNullOrEmpty(text) || (required && string.IsNullOrWhiteSpace(text)) ? null : text;
    }

    /// <summary>Reads the text of a date, date-time or time value and, when it parses, stores it in the type's one
    /// written form; otherwise reports <paramref name="invalidKey"/> (with the text as <c>value</c>). Gives the value and the text as sent.</summary>
    public (T Value, string Text)? NormalizeValue<T>(string settingsKey, Func<string, T?> parse, Func<T, string> format, string invalidKey)
        where T : struct
    {
        var text = ValueText(Settings.Get<RequiredFieldSettings>(settingsKey).Required);
        if (text is null)
        {
            return null;
        }
        if (parse(text) is { } value)
        {
            Field["Value"] = format(value);
            return (value, text);
        }
        Fail("Value", invalidKey, ("value", text));
        return null;
    }

    /// <summary>Only dates the calendars and JSON-LD can write (<see cref="FieldValues.FirstYear"/>).</summary>
    public void RequireAcceptedYear(int year, string text)
    {
        if (!FieldValues.IsAcceptedYear(year))
        {
            Fail("Value", "Field.YearOutOfRange", ("first", FieldValues.FirstYear), ("last", FieldValues.LastYear), ("value", text));
        }
    }

    /// <summary>Reads an array of strings, or an empty list when absent; null (with an error) when malformed.</summary>
    public List<string>? ReadStrings(string member)
    {
        var node = Field[member];
        if (node is null)
        {
            return [];
        }
        if (node is JsonArray array && array.All(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(e => e!.GetValue<string>()).ToList();
        }
        Fail(member, "Field.NotTextList", ("member", member));
        return null;
    }

    /// <summary>Refuses a list of more than <see cref="MaxPickedItems"/> ids, before any of them is looked up.</summary>
    public bool ExceedsPickLimit(List<string> ids, string member)
    {
        if (ids.Count <= MaxPickedItems)
        {
            return false;
        }
        Fail(member, "Field.TooManyItems", ("max", MaxPickedItems), ("count", ids.Count));
        return true;
    }
}
