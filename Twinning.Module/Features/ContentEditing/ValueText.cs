using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentEditing;

/// <summary>
/// A stored value as its editor shows it, wherever the admin shows a value outside its input: a bag item's legend, the
/// history's and the stale-edit page's comparisons, the preview and the translator's source pane. A yes/no value reads
/// <see cref="Yes"/> or <see cref="No"/>; a text that is one of the field's options (a predefined list's, a multi-text
/// field's) reads as the option's name, which the settings give in the editor's language when they come from
/// <c>TypeEditors</c>; a linked item's id reads as its title where the page knows the titles (<see cref="Titles"/>);
/// other texts and numbers read as stored, without JSON punctuation. The admin makes one in the editor's language
/// (<c>TypeEditors.Values</c>) and passes it to the editors that hold items (<see cref="EditorContext.Values"/>).
/// </summary>
public sealed record ValueText(string Yes, string No, Func<string, string>? Titles = null)
{
    /// <summary>Values as stored: yes/no as JSON writes them.</summary>
    public static readonly ValueText AsStored = new("true", "false");

    /// <summary>A value (a field's, a part's, or a member of one), given the settings of its editor when there are.</summary>
    public string Describe(JsonNode? node, JsonObject? settings = null) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? Yes : No,
        JsonValue v when v.TryGetValue<string>(out var s) => Text(s, settings),
        JsonValue v => v.ToJsonString(),
        JsonArray a => string.Join(", ", a.Select(e => Describe(e, settings)).Where(s => s.Length > 0)),
        JsonObject o => string.Join("; ", o.Select(p => Describe(p.Value, settings)).Where(s => s.Length > 0)),
        _ => "",
    };

    /// <summary>One stored text: an option's name, a linked item's title, or the text itself.</summary>
    public string Text(string stored, JsonObject? settings = null)
        => OptionsOf(settings).FirstOrDefault(o => o.Value == stored) is { Name: { Length: > 0 } name } ? name : Titles?.Invoke(stored) ?? stored;

    /// <summary>The options the field's editor offers, as its view lists them: a text field's when it is a predefined
    /// list, a multi-text field's.</summary>
    private static List<ListValueOption> OptionsOf(JsonObject? settings)
        => settings is null ? []
            : settings.Get<ContentPartFieldSettings>().Editor == "PredefinedList" ? settings.Get<TextFieldPredefinedListEditorSettings>().Options
            : settings.Get<MultiTextFieldSettings>().Options;
}
