using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>The editors of a content type, in its definition's order, grouped by the part they belong to: the edit
/// form renders them, and the history compares versions with them (<see cref="FieldDiff"/>).</summary>
public sealed class TypeEditors(IEnumerable<IContentFieldEditor> fieldEditors, IEnumerable<IContentPartEditor> partEditors, IStringLocalizer<AdminText> t)
{
    /// <summary>One editor: its form name (<c>TitlePart</c>, <c>Forum.Venue</c>), label, settings, and the part or field editor.</summary>
    public sealed record Entry(string Name, string Label, JsonObject Settings, object Editor);

    /// <summary>A part's editors under one heading (null for the item's own parts: title, address, language, body; a
    /// named part such as a bag has its own).</summary>
    public sealed record Group(string? Heading, IReadOnlyList<Entry> Editors);

    /// <summary>What a comparison of two versions (<see cref="FieldDiff"/>) needs to look inside bag items: the held
    /// types' names and editors, and the texts naming items, in the editor's language.</summary>
    public FieldDiff.BagItems BagItemsOf(ContentDefinitionDocument definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return new(name => definitions.FindType(name) is { } type
                ? (type.DisplayName ?? type.Name, [.. Of(definitions, type).SelectMany(g => g.Editors).Select(e => (e.Name, e.Label))])
                : null,
            (key, arguments) => t[key, arguments].Value);
    }

    public IReadOnlyList<Group> Of(ContentDefinitionDocument definitions, ContentTypeDefinition type)
    {
        var own = new List<Entry>();
        var groups = new List<Group> { new(null, own) };
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var partSettings = typePart.Settings.Get<ContentTypePartSettings>();
            if (partEditors.FirstOrDefault(e => e.PartName == typePart.PartName) is { } partEditor)
            {
                var label = partSettings.DisplayName ?? t["Part." + typePart.PartName].Value;
                var entry = new Entry(typePart.Name, label, typePart.Settings, partEditor);
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
                        fields.Add(new Entry($"{typePart.Name}.{field.Name}", field.Settings.Get<ContentPartFieldSettings>().DisplayName ?? field.Name, field.Settings, fieldEditor));
                    }
                }
                var heading = typePart.Name == type.Name ? type.DisplayName ?? type.Name : partSettings.DisplayName ?? typePart.Name;
                groups.Add(new Group(heading, fields));
            }
        }
        return groups;
    }
}
