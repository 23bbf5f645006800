using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using NodaTime;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.ContentEditing;

/// <summary>
/// The editor of one field type, found by <see cref="FieldType"/> for every field a definition holds, so a field
/// added in a recipe gets its editor without new code. Each lives in its field type's folder
/// (<c>Features/ContentFields/&lt;Type&gt;/&lt;Type&gt;Editor.cs</c> with its partial view beside it).
/// </summary>
public interface IContentFieldEditor
{
    string FieldType { get; }

    /// <summary>The partial view that renders the inputs (the page writes the label, hint and error around it).</summary>
    string View { get; }

    /// <summary>Several inputs in a <c>fieldset</c> with the label as its legend, instead of one labelled input.</summary>
    bool Grouped => false;

    /// <summary>The field's JSON value from the posted form. What cannot be read (a number that is not one) is
    /// reported through <see cref="EditorForm.Fail"/> and kept as typed, so the form shows it again.</summary>
    JsonObject Read(EditorForm form);
}

/// <summary>The editor of a part's own members (TitlePart's title, HtmlBodyPart's body), in
/// <c>Features/ContentParts/&lt;Part&gt;/</c>. Parts without one (lists, bags) are left as they are by a save.</summary>
public interface IContentPartEditor
{
    string PartName { get; }

    string View { get; }

    bool Grouped => false;

    /// <summary>The part's members from the posted form, merged by the save into the part as stored.</summary>
    JsonObject Read(EditorForm form);
}

/// <summary>The posted form as one editor sees it: the inputs under its name (<c>Forum.StartDate.Value</c>), the
/// definition's settings, the site's time zone, and where to report what cannot be read.</summary>
public sealed class EditorForm(IFormCollection form, string name, string label, JsonObject settings, DateTimeZone zone,
    List<ContentValidationError> errors)
{
    public string Name { get; } = name;
    public string Label { get; } = label;
    public JsonObject Settings { get; } = settings;
    public DateTimeZone Zone { get; } = zone;

    /// <summary>The input <c>{Name}.{member}</c> as typed (trimmed), or "" when absent.</summary>
    public string Text(string member) => form[$"{Name}.{member}"].FirstOrDefault()?.Trim() ?? "";

    /// <summary>Every value posted under <c>{Name}.{member}</c> (a multiple select, checkboxes, repeated rows).</summary>
    public IReadOnlyList<string> Texts(string member) => [.. form[$"{Name}.{member}"].Select(v => v?.Trim() ?? "")];

    public bool Checked(string member) => form[$"{Name}.{member}"].Contains("true");

    /// <summary>Reports <paramref name="member"/> as unreadable: a key of <see cref="RuleText"/> and its arguments, to
    /// which the label is added as <c>field</c>. The page shows it in the editor's language, as it shows the rules' messages.</summary>
    public void Fail(string member, string key, params (string Name, object? Value)[] arguments)
        => errors.Add(new ContentValidationError($"{Name}.{member}", RuleMessage.Of(key, [("field", Label), .. arguments])));
}

/// <summary>What an editor's partial view renders: the value (as stored, or as typed after a refused save), the
/// settings, the ids that tie the inputs to their label, hint and error message, and the texts in the editor's
/// language (the admin page's own, passed in so that the editors need not know where they come from).</summary>
public sealed class EditorModel(string name, string label, string? hint, JsonObject value, JsonObject settings, IReadOnlyList<string> errors, DateTimeZone zone,
    IStringLocalizer localizer)
{
    public string Name { get; } = name;
    public string Label { get; } = label;
    public string? Hint { get; } = hint;
    public JsonObject Value { get; } = value;
    public JsonObject Settings { get; } = settings;
    public IReadOnlyList<string> Errors { get; } = errors;
    public DateTimeZone Zone { get; } = zone;
    public IStringLocalizer Localizer { get; } = localizer;

    /// <summary>The id of the first input, where the error summary's link takes the focus.</summary>
    public string Id { get; } = "f-" + name.Replace('.', '-');

    public string InputId(string member) => $"{Id}-{member}";

    public string HintId => Id + "-hint";
    public string ErrorId => Id + "-error";

    public bool HasError => Errors.Count > 0;

    /// <summary>The <c>aria-describedby</c> of the inputs: the hint and the error, when there are.</summary>
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : HintId, HasError ? ErrorId : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    /// <summary>The form name of a member's input.</summary>
    public string For(string member) => $"{Name}.{member}";

    /// <summary>A member's value as text (numbers and booleans as JSON writes them), or "".</summary>
    public string Text(string member) => Value[member] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => "",
    };

    public IReadOnlyList<string> Texts(string member)
        => Value[member] is JsonArray array ? [.. array.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : e?.ToJsonString() ?? "")] : [];

    public T Get<T>() where T : new() => Settings.Get<T>();
}
