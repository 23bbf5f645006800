using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.BagPart;

/// <summary>
/// The items a bag holds (a gallery's photos, a contact point's opening hours), edited as every part holding items is
/// (<see cref="HeldItemsEditor"/>), of the types its settings allow. Where the held items have a credit and a licence
/// (a gallery's photos), "Apply to selected" (<c>apply</c>) writes the values typed in its own boxes into the ticked
/// items (<c>{bag}.Selected</c>, their ids) the same way, unsaved.
/// </summary>
public sealed class BagPartEditor : HeldItemsEditor
{
    public override string PartName => "BagPart";
    public override string View => "/Features/ContentParts/BagPart/BagPartEditor.cshtml";

    private const string ContentItems = "ContentItems";

    protected override string Member => ContentItems;

    protected override IReadOnlyList<string> AllowedTypes(JsonObject settings, JsonObject? value, ContentDefinitionDocument definitions)
        => settings.Get<BagPartSettings>().ContainedContentTypes;

    /// <summary>The form name of the item at <paramref name="index"/> of the bag named <paramref name="bag"/>.</summary>
    public static string ItemName(string bag, int index) => ItemName(bag, ContentItems, index);

    /// <summary>The text fields "Apply to selected" offers, in this order, when every type the bag may hold has them
    /// (found by name in the definitions, whatever part holds them): a photographer's credit and licence, typed once
    /// for many photos.</summary>
    private static readonly string[] Applicable = ["Credit", "Licence"];

    /// <summary>The boxes of the bag's "Apply to selected", none when the types it may hold lack the fields.</summary>
    public override IReadOnlyList<ApplyField> ApplyFields(EditorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Context is not { } context)
        {
            return [];
        }
        var types = HeldTypes(context, model.Get<BagPartSettings>().ContainedContentTypes);
        return [.. ApplicableIn(context.Definitions, types).Select(field => new ApplyField(field, LabelOf(context, types, field), context.ItemText("Default" + field)))];
    }

    private static List<ContentTypeDefinition> HeldTypes(EditorContext context, IEnumerable<string> allowed)
        => [.. allowed.Select(context.Definitions.FindType).OfType<ContentTypeDefinition>()];

    private static IEnumerable<string> ApplicableIn(ContentDefinitionDocument definitions, List<ContentTypeDefinition> types)
        => types.Count == 0 ? [] : Applicable.Where(field => types.All(t => TextFieldOf(definitions, t, field) is not null));

    /// <summary>The editor name (<c>GalleryPhoto.Credit</c>) of the text field named <paramref name="field"/> in any part
    /// of <paramref name="type"/>, or null.</summary>
    public static string? TextFieldOf(ContentDefinitionDocument definitions, ContentTypeDefinition type, string field)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(type);
        return type.ContentTypePartDefinitionRecords
            .Where(p => definitions.FindPart(p.PartName)?.ContentPartFieldDefinitionRecords.Exists(f => f.Name == field && f.FieldName == "TextField") == true)
            .Select(p => $"{p.Name}.{field}")
            .FirstOrDefault();
    }

    /// <summary>"Apply to selected": the typed values written into the ticked items, or the form shown again with an
    /// error beside the button when no item is ticked or no box is filled.</summary>
    protected override bool Act(EditorForm form, EditorContext context, List<JsonObject> items, IReadOnlyList<string> allowed)
    {
        if (form.Text("Action") != "apply")
        {
            return false;
        }
        var button = EditorModel.IdOf(form.Name) + "-apply";
        var types = HeldTypes(context, allowed);
        var fields = ApplicableIn(context.Definitions, types).ToList();
        var values = fields.Select(f => (Field: f, Text: form.Text("Apply." + f))).Where(v => v.Text.Length > 0).ToList();
        var selected = form.Texts("Selected").ToHashSet(StringComparer.Ordinal);
        var count = ApplyTo(items, selected, values,
            (type, field) => context.Definitions.FindType(type) is { } definition ? TextFieldOf(context.Definitions, definition, field) : null);
        if (count == 0)
        {
            context.Refuse(button, "BagPart.ApplyNoneSelected");
        }
        else if (values.Count == 0)
        {
            context.Refuse(button, "BagPart.ApplyNothingTyped");
        }
        else
        {
            // "Credit and licence applied to 3 photos": the first label as written, the others inside the sentence.
            var labels = values.Select(v => LabelOf(context, types, v.Field)).ToList();
            var rest = string.Join(", ", labels.Skip(1).Select(l => l.ToLower(CultureInfo.CurrentCulture)));
            context.ShowAgain(button, rest.Length == 0 ? "BagPart.AppliedField" : "BagPart.Applied", count, labels[0], rest);
        }
        return true;
    }

    /// <summary>The label of an applicable field, as the first type the bag may hold shows it in the editor's language.</summary>
    private static string LabelOf(EditorContext context, List<ContentTypeDefinition> types, string field)
    {
        var editor = TextFieldOf(context.Definitions, types[0], field);
        return context.EditorsOf(types[0]).FirstOrDefault(e => e.Name == editor)?.Label ?? field;
    }

    /// <summary>The rule of "Apply to selected": each item whose id is in <paramref name="selected"/> gets each typed
    /// value (an empty one leaves that field as it is) in its text field of that name
    /// (<paramref name="editorOf"/>: its type and the field's name to the editor's name, null when it has none); the
    /// others are left alone. Returns how many items were selected.</summary>
    public static int ApplyTo(IReadOnlyList<JsonObject> items, IReadOnlySet<string> selected, IReadOnlyList<(string Field, string Text)> values,
        Func<string, string, string?> editorOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(editorOf);
        var count = 0;
        foreach (var item in items.Where(i => Text(i["ContentItemId"]) is { } id && selected.Contains(id)))
        {
            count++;
            foreach (var (field, text) in values.Where(v => v.Text.Length > 0))
            {
                if (editorOf(Text(item["ContentType"]) ?? "", field) is { } editor)
                {
                    Put(item, editor, new JsonObject { ["Text"] = text });
                }
            }
        }
        return count;
    }
}
