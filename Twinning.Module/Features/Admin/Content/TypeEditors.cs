using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Localization;
using Twinning.Core.Rules;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>The editors of a content type, in its definition's order, grouped by the part they belong to: the edit
/// form renders them, and the history compares versions with them (<see cref="FieldDiff"/>). Labels, headings and hints
/// are in the editor's language where the <c>Translations</c> recipe step gave one (<see cref="DataTranslations"/>):
/// a type's display name in the context "Content Types", a named part's in "Content Parts", a field's display name
/// and hint in the field's context (<c>{PartName}.{FieldDisplayName}</c>).</summary>
public sealed class TypeEditors(IEnumerable<IContentFieldEditor> fieldEditors, IEnumerable<IContentPartEditor> partEditors, IStringLocalizer<AdminText> t)
{
    /// <summary>The context of named parts' display names (a bag's "Opening hours"); Orchard Core's Data Localization
    /// has none of its own for them.</summary>
    public const string ContentPartsContext = "Content Parts";

    /// <summary>One editor: its form name (<c>TitlePart</c>, <c>Forum.Venue</c>), label, hint (a field's description
    /// or hint, or a part's description, shown under its label), settings, and the part or field editor.</summary>
    public sealed record Entry(string Name, string Label, string? Hint, JsonObject Settings, object Editor)
    {
        /// <summary>A rich-text body or field, whose <c>Html</c> member holds HTML.</summary>
        public bool IsHtml => Editor is IContentPartEditor { PartName: "HtmlBodyPart" } or IContentFieldEditor { FieldType: "HtmlField" };

        /// <summary>What this editor holds in <paramref name="item"/>: of a part, only the members its editor edits
        /// (<see cref="IContentPartEditor.Members"/>; a language without its localization set).</summary>
        public JsonObject ValueIn(ContentItem? item) => FieldDiff.ValueIn(item, Name, Editor is IContentPartEditor part ? part.Members : null);
    }

    /// <summary>A part's editors under one heading (null for the item's own parts: title, address, language, body; a
    /// named part such as a bag has its own).</summary>
    public sealed record Group(string? Heading, IReadOnlyList<Entry> Editors);

    /// <summary>What a comparison of two versions (<see cref="FieldDiff"/>) needs to look inside bag items: the held
    /// types' names and editors, and the texts naming items, in the editor's language.</summary>
    public FieldDiff.BagItems BagItemsOf(ContentDefinitionDocument definitions, DataTranslations translations)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(translations);
        return new(name => definitions.FindType(name) is { } type
                ? (translations.TypeName(type), [.. Of(definitions, type, translations).SelectMany(g => g.Editors).Select(e => new FieldDiff.Editor(e.Name, e.Label, e.Settings))])
                : null,
            (key, arguments) => t[key, arguments].Value);
    }

    /// <summary>How stored values read in the editor's language: yes/no, a list's option by its (translated) name in
    /// the settings <see cref="Of"/> gives, and, with <paramref name="titles"/>, a linked item by its title.</summary>
    public ValueText Values(Func<string, string>? titles = null) => new(t["Value.Yes"], t["Value.No"], titles);

    /// <summary>A refused save's error where it is shown away from the form (a restored version, a bulk action): after
    /// the label of the editor its field lies in, in the editor's language, and naming the field by that label when the
    /// message names it (once: not "Photos: Photos: …"). Inside a bag item the bag's label would misname the field, so
    /// there the message names it as the rule does.</summary>
    public static string ErrorText(IEnumerable<Entry> editors, IStringLocalizer<RuleText> rules, ContentValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var label = editors.FirstOrDefault(e => error.Field == e.Name || error.Field.StartsWith(e.Name + ".", StringComparison.Ordinal))?.Label;
        var inBagItem = error.Field.Contains('[', StringComparison.Ordinal);
        return error.Problem.Arguments.ContainsKey("field") && !inBagItem
            ? rules.Text(error.Problem, label)
            : $"{label ?? error.Field}: {rules.Text(error.Problem)}";
    }

    public IReadOnlyList<Group> Of(ContentDefinitionDocument definitions, ContentTypeDefinition type, DataTranslations translations)
    {
        var culture = CultureInfo.CurrentUICulture;
        string In(string context, string text) => translations.Get(culture, context, text);
        var own = new List<Entry>();
        var groups = new List<Group> { new(null, own) };
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var partSettings = typePart.Settings.Get<ContentTypePartSettings>();
            if (partEditors.FirstOrDefault(e => e.PartName == typePart.PartName) is { } partEditor)
            {
                var label = partSettings.DisplayName is { } named ? In(ContentPartsContext, named) : t["Part." + typePart.PartName].Value;
                var hint = partSettings.Description is { } description ? In(ContentPartsContext, description) : null;
                var entry = new Entry(typePart.Name, label, hint, typePart.Settings, partEditor);
                if (typePart.Name == typePart.PartName)
                {
                    own.Add(entry);
                }
                else
                {
                    // A part the type names (a bag of photos, of opening hours) is a section of its own.
                    groups.Add(new Group(label, [entry]));
                }
            }
            if (definitions.FindPart(typePart.PartName) is { ContentPartFieldDefinitionRecords.Count: > 0 } part)
            {
                var fields = new List<Entry>();
                foreach (var field in part.ContentPartFieldDefinitionRecords)
                {
                    if (fieldEditors.FirstOrDefault(e => e.FieldType == field.FieldName) is { } fieldEditor)
                    {
                        var settings = field.Settings.Get<ContentPartFieldSettings>();
                        var displayName = settings.DisplayName ?? field.Name;
                        var context = DataTranslations.FieldContext(part.Name, displayName);
                        var hint = settings.Description ?? field.Settings.Get<TextFieldSettings>().Hint;
                        fields.Add(new Entry($"{typePart.Name}.{field.Name}", In(context, displayName), hint is null ? null : In(context, hint),
                            WithOptionNames(field.Settings, name => In(context, name)), fieldEditor));
                    }
                }
                var heading = typePart.Name == type.Name
                    ? In(DataTranslations.ContentTypesContext, type.DisplayName ?? type.Name)
                    : In(ContentPartsContext, partSettings.DisplayName ?? typePart.Name);
                groups.Add(new Group(heading, fields));
            }
        }
        return groups;
    }

    /// <summary>The settings with the names of their list options (a predefined list's, a multi-text field's) in the
    /// editor's language: a copy when there are options, the values the field stores left as they are.</summary>
    private static JsonObject WithOptionNames(JsonObject settings, Func<string, string> translate)
    {
        if (!settings.Any(s => s.Value is JsonObject { } group && group["Options"] is JsonArray))
        {
            return settings;
        }
        var copy = (JsonObject)settings.DeepClone();
        foreach (var (_, group) in copy)
        {
            if (group is JsonObject { } members && members["Options"] is JsonArray options)
            {
                foreach (var option in options.OfType<JsonObject>())
                {
                    // "name" as Orchard's recipes write it; the settings are read ignoring case.
                    var key = option.Select(m => m.Key).FirstOrDefault(k => string.Equals(k, "name", StringComparison.OrdinalIgnoreCase));
                    if (key is not null && option[key] is JsonValue name && name.TryGetValue<string>(out var text))
                    {
                        option[key] = translate(text);
                    }
                }
            }
        }
        return copy;
    }
}
