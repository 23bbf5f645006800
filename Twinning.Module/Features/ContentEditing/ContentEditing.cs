using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using NodaTime;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Localization;
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

    /// <summary>The id of the input an error on <paramref name="member"/> of the field named <paramref name="name"/>
    /// concerns, when the view shows that error beside it (<see cref="EditorModel.ErrorOf"/>; a photo's alternative
    /// text, <c>MediaTexts[2]</c>) and the error summary links there; null (the default) for an error shown above the
    /// field and linked to its first input.</summary>
    string? InputOf(string name, string member) => null;
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

    /// <summary>The members this editor edits, which are what the admin shows of the part away from its form (the
    /// preview, the history's comparison, a translation's source); null for all of them. The others (a localization
    /// set, Orchard's homepage flag) are kept as stored and are not the editor's to read.</summary>
    IReadOnlyList<string>? Members => null;

    /// <summary>The editors rendered inside this one (a bag item's fields), so that the page shows each error next to
    /// the innermost input it concerns and links the error summary there.</summary>
    IReadOnlyList<EditorModel> Inner(EditorModel model) => [];
}

/// <summary>One part or field editor of a content type, as an editor holding items of that type (a bag) uses it: its
/// name relative to the item (<c>GalleryPhoto.Caption</c>, <c>TitlePart</c>), label, hint, settings and view, and how it
/// reads the form.</summary>
public sealed record ItemEditor(string Name, string Label, string? Hint, JsonObject Settings, string View, bool Grouped, Func<EditorForm, JsonObject> Read,
    Func<string, string, string?>? InputOf = null);

/// <summary>What editors that hold whole items (a bag) need of the page: the content definitions, the editors of a
/// type, the errors of the refused save with their messages in the editor's language, and a way to ask the page to
/// show the form again unsaved (an item added, removed or moved by a button without script).</summary>
public sealed class EditorContext(ContentDefinitionDocument definitions, Func<ContentTypeDefinition, IReadOnlyList<ItemEditor>> editorsOf,
    IReadOnlyList<ContentValidationError> errors, Func<ContentValidationError, string?, string> messageOf, DataTranslations? translations = null,
    ValueText? values = null)
{
    public ContentDefinitionDocument Definitions { get; } = definitions;

    /// <summary>The definitions' texts in the editor's language (a held item's type name).</summary>
    public DataTranslations Translations { get; } = translations ?? DataTranslations.None;

    /// <summary>How stored values read in the editor's language (a held item's day in its legend).</summary>
    public ValueText Values { get; } = values ?? ValueText.AsStored;

    public IReadOnlyList<ContentValidationError> Errors { get; set; } = errors;

    public IReadOnlyList<ItemEditor> EditorsOf(ContentTypeDefinition type) => editorsOf(type);

    /// <summary>An error's message in the editor's language, naming the field by <paramref name="label"/> when given (the
    /// rules name it as the definitions write it).</summary>
    public string MessageOf(ContentValidationError error, string? label = null) => messageOf(error, label);

    /// <summary>The errors on <paramref name="name"/> or inside it, split as <see cref="EditorModel.Split"/> does, naming
    /// the field by the editor's <paramref name="label"/> (a bag item's field, whose label the page's own lookup does not
    /// reach).</summary>
    public (IReadOnlyList<string> Messages, IReadOnlyList<InputError> Beside) ErrorsOf(string name, Func<string, string, string?>? inputOf, string? label = null)
        => EditorModel.Split(name, Errors.Where(e => Owns(name, e.Field)), e => MessageOf(e, label), inputOf);

    /// <summary>Whether an error on <paramref name="errorField"/> concerns the editor named <paramref name="name"/>.</summary>
    public static bool Owns(string name, string errorField)
        => errorField == name || errorField.StartsWith(name + ".", StringComparison.Ordinal) || errorField.StartsWith(name + "[", StringComparison.Ordinal);

    /// <summary>Set by an editor's read when the post was a rearrangement, not a save: the element to focus and the
    /// sentence to announce (a key of the page's texts, or of a plural set counting by the first argument, and its
    /// arguments) when the form is shown again; <c>Refused</c> when the button could not do what it asks (an error).</summary>
    public (string Focus, string Key, object[] Arguments, bool Refused)? Redisplay { get; private set; }

    public void ShowAgain(string focus, string key, params object[] arguments) => Redisplay = (focus, key, arguments, false);

    /// <summary>The form shown again unchanged, with <paramref name="key"/> as an error (Apply with nothing selected).</summary>
    public void Refuse(string focus, string key, params object[] arguments) => Redisplay = (focus, key, arguments, true);

    /// <summary>The text of the edited item's own text field of the given name (in any of its parts) as the
    /// form shows it, or null: a gallery's DefaultCredit, which prefills its photos' "Apply to selected".</summary>
    public Func<string, string?> ItemText { get; set; } = _ => null;
}

/// <summary>The posted form as one editor sees it: the inputs under its name (<c>Forum.StartDate.Value</c>), the
/// definition's settings, the site's time zone, and where to report what cannot be read. An editor that holds whole
/// items (a bag's) also gets the value as stored and the <see cref="EditorContext"/>, and reads each held item's
/// parts and fields through <see cref="Nested"/>.</summary>
public sealed class EditorForm(IFormCollection form, string name, string label, JsonObject settings, DateTimeZone zone,
    List<ContentValidationError> errors, EditorContext? context = null, JsonObject? stored = null, string? reportAs = null)
{
    public string Name { get; } = name;
    public string Label { get; } = label;
    public JsonObject Settings { get; } = settings;
    public DateTimeZone Zone { get; } = zone;

    /// <summary>The page's definitions and editors, for editors that hold items; null where a form has none.</summary>
    public EditorContext? Context { get; } = context;

    /// <summary>The editor's value as stored (the part or field of the item's latest version); null for a new item.</summary>
    public JsonObject? Stored { get; } = stored;

    /// <summary>The name under which what cannot be read is reported: <see cref="Name"/>, or the place the value is
    /// read into when it moves (a bag item posted third and saved first).</summary>
    public string ReportAs { get; } = reportAs ?? name;

    /// <summary>The form of an editor inside this one (a bag item's field), reading the inputs under
    /// <paramref name="inner"/> and reporting under <paramref name="reportAs"/>.</summary>
    public EditorForm Nested(string inner, string innerLabel, JsonObject innerSettings, JsonObject? innerStored, string reportAs)
        => new(form, inner, innerLabel, innerSettings, Zone, errors, Context, innerStored, reportAs);

    /// <summary>The input <c>{Name}.{member}</c> as typed (trimmed), or "" when absent.</summary>
    public string Text(string member) => form[$"{Name}.{member}"].FirstOrDefault()?.Trim() ?? "";

    /// <summary>Every value posted under <c>{Name}.{member}</c> (a multiple select, checkboxes, repeated rows).</summary>
    public IReadOnlyList<string> Texts(string member) => [.. form[$"{Name}.{member}"].Select(v => v?.Trim() ?? "")];

    public bool Checked(string member) => form[$"{Name}.{member}"].Contains("true");

    /// <summary>Reports <paramref name="member"/> as unreadable: a key of <see cref="RuleText"/> and its arguments, to
    /// which the label is added as <c>field</c>. The page shows it in the editor's language, as it shows the rules' messages.</summary>
    public void Fail(string member, string key, params (string Name, object? Value)[] arguments)
        => errors.Add(new ContentValidationError($"{ReportAs}.{member}", RuleMessage.Of(key, [("field", Label), .. arguments])));
}

/// <summary>An error shown beside one input of an editor (<see cref="IContentFieldEditor.InputOf"/>): the error's form
/// name, the input's id and the message.</summary>
public sealed record InputError(string Field, string InputId, string Message);

/// <summary>What an editor's partial view renders: the value (as stored, or as typed after a refused save), the
/// settings, the ids that tie the inputs to their label, hint and error message, and the texts in the editor's
/// language (the admin page's own, passed in so that the editors need not know where they come from).</summary>
public sealed class EditorModel(string name, string label, string? hint, JsonObject value, JsonObject settings, IReadOnlyList<string> errors, DateTimeZone zone,
    IStringLocalizer localizer, EditorContext? context = null)
{
    /// <summary>The page's definitions, editors and errors, for editors that hold items; null where a page has none.</summary>
    public EditorContext? Context { get; } = context;

    /// <summary>Where a nested editor sits (<c>Opening hours 2</c>), which the error summary puts before its label.</summary>
    public string? Place { get; init; }

    public string Name { get; } = name;
    public string Label { get; } = label;
    public string? Hint { get; } = hint;
    public JsonObject Value { get; } = value;
    public JsonObject Settings { get; } = settings;
    public IReadOnlyList<string> Errors { get; } = errors;
    public DateTimeZone Zone { get; } = zone;
    public IStringLocalizer Localizer { get; } = localizer;

    /// <summary>The id of the first input, where the error summary's link takes the focus.</summary>
    public string Id { get; } = IdOf(name);

    /// <summary>The element id of a form name: dots and brackets as dashes (<c>Photos.ContentItems[2].GalleryPhoto</c>
    /// gives <c>f-Photos-ContentItems-2-GalleryPhoto</c>), so that ids need no escaping in selectors.</summary>
    public static string IdOf(string name) => "f-" + (name ?? "").Replace("]", "", StringComparison.Ordinal).Replace('.', '-').Replace('[', '-');

    public string InputId(string member) => $"{Id}-{member}";

    public string HintId => Id + "-hint";
    public string ErrorId => Id + "-error";

    public bool HasError => Errors.Count > 0;

    /// <summary>The errors the view shows beside one of its inputs (<see cref="IContentFieldEditor.InputOf"/>), not
    /// among <see cref="Errors"/>.</summary>
    public IReadOnlyList<InputError> InputErrors { get; init; } = [];

    /// <summary>The accessibility checks' findings in the value (a rich-text field's empty heading…), in the editor's
    /// language: warnings the view shows beside the field, which do not stop a save.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>The id of the findings shown beside the field.</summary>
    public string ChecksId => Id + "-checks";

    /// <summary>The message to show beside the input <paramref name="inputId"/>, or null.</summary>
    public string? ErrorOf(string inputId)
        => InputErrors.Where(e => e.InputId == inputId).Select(e => e.Message).ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    /// <summary>The id of the message shown beside an input.</summary>
    public static string ErrorIdOf(string inputId) => inputId + "-error";

    /// <summary>Where the error summary's link for an error on this editor goes: the input the error is shown beside,
    /// or the first input.</summary>
    public string TargetOf(string errorField) => InputErrors.FirstOrDefault(e => e.Field == errorField)?.InputId ?? Id;

    /// <summary>An editor's errors: those on a member whose input the view shows them beside (<paramref name="inputOf"/>
    /// gives its id), and the messages of the others, shown above the field.</summary>
    public static (IReadOnlyList<string> Messages, IReadOnlyList<InputError> Beside) Split(string name, IEnumerable<ContentValidationError> errors,
        Func<ContentValidationError, string> messageOf, Func<string, string, string?>? inputOf)
    {
        var messages = new List<string>();
        var beside = new List<InputError>();
        foreach (var error in errors)
        {
            var input = inputOf is not null && error.Field.StartsWith(name + ".", StringComparison.Ordinal) ? inputOf(name, error.Field[(name.Length + 1)..]) : null;
            if (input is null)
            {
                messages.Add(messageOf(error));
            }
            else
            {
                beside.Add(new InputError(error.Field, input, messageOf(error)));
            }
        }
        return (messages, beside);
    }

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
