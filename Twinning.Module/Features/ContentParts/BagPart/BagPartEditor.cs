using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Localization;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.BagPart;

/// <summary>
/// The items a bag holds (a gallery's photos, a contact point's opening hours), in order, each in a fieldset with the
/// editors of its type's parts and fields under a prefixed name (<c>Photos.ContentItems[2].GalleryPhoto.Caption.Text</c>),
/// so that any bag of any definition gets its editor. Each posted item carries its <c>ContentItemId</c>, and is read
/// over the item as stored, so members without an editor are kept. The Add, Remove, Move up and Move down buttons
/// submit the form (<c>{bag}.Action</c>): the page shows it again with the change made, unsaved, every typed value
/// kept; with the script the last three work in place. The posted <c>{bag}.Index</c> inputs give the order. Where the
/// held items have a credit and a licence (a gallery's photos), "Apply to selected" (<c>apply</c>) writes the values
/// typed in its own boxes into the ticked items (<c>{bag}.Selected</c>, their ids) the same way, unsaved.
/// </summary>
public sealed class BagPartEditor : IContentPartEditor
{
    public string PartName => "BagPart";
    public string View => "/Features/ContentParts/BagPart/BagPartEditor.cshtml";
    public bool Grouped => true;

    private const string Member = "ContentItems";

    /// <summary>One editor inside a bag item, with its model.</summary>
    public sealed record Slot(EditorModel Model, string View, bool Grouped);

    /// <summary>One item as the form shows it: its place, its form name (<c>Photos.ContentItems[2]</c>), its fieldset's
    /// id, and its legend with the position left as <c>{n}</c>.</summary>
    public sealed record Item(int Index, string Name, string Id, string ContentItemId, string ContentType, string TypeName, string LegendTemplate,
        IReadOnlyList<Slot> Slots)
    {
        public int Position => Index + 1;

        public string Legend => Numbered(LegendTemplate, Position);
    }

    /// <summary>A type the bag may take, for the Add button.</summary>
    public sealed record Choice(string Name, string DisplayName);

    public static string Numbered(string template, int position) => template.Replace("{n}", position.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The form name of the item at <paramref name="index"/> of the bag named <paramref name="bag"/>.</summary>
    public static string ItemName(string bag, int index) => $"{bag}.{Member}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The types the bag may hold that the definitions know, for the Add button.</summary>
    public static IReadOnlyList<Choice> Choices(EditorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var definitions = model.Context?.Definitions;
        var translations = model.Context?.Translations ?? DataTranslations.None;
        return [.. model.Get<BagPartSettings>().ContainedContentTypes
            .Select(name => definitions?.FindType(name))
            .OfType<ContentTypeDefinition>()
            .Select(t => new Choice(t.Name, translations.TypeName(t)))];
    }

    /// <summary>The text fields "Apply to selected" offers, in this order, when every type the bag may hold has them
    /// (found by name in the definitions, whatever part holds them): a photographer's credit and licence, typed once
    /// for many photos.</summary>
    private static readonly string[] Applicable = ["Credit", "Licence"];

    /// <summary>A box of "Apply to selected": the field's name, its label, and its value before anything is typed (the
    /// edited item's own text field named <c>Default{Name}</c>, a gallery's DefaultCredit).</summary>
    public sealed record ApplyField(string Name, string Label, string? Default);

    /// <summary>The boxes of the bag's "Apply to selected", none when the types it may hold lack the fields.</summary>
    public static IReadOnlyList<ApplyField> ApplyFields(EditorModel model)
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

    /// <summary>The bag's items with their editors, in order.</summary>
    public static IReadOnlyList<Item> Items(EditorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Context is not { } context)
        {
            return [];
        }
        var items = new List<Item>();
        foreach (var json in HeldItems.In(model.Value, Member))
        {
            var type = Text(json["ContentType"]);
            if (type is null || context.Definitions.FindType(type) is not { } definition)
            {
                continue;
            }
            var index = items.Count;
            var name = ItemName(model.Name, index);
            var typeName = context.Translations.TypeName(definition);
            var editors = context.EditorsOf(definition);
            var summary = Summary(json, context.Values, editorName => editors.FirstOrDefault(e => e.Name == editorName)?.Settings);
            var legend = summary is null ? model.Localizer["BagPart.Item", typeName, "{n}"].Value : model.Localizer["BagPart.ItemWithSummary", typeName, "{n}", summary].Value;
            var place = Numbered(legend, index + 1);
            var slots = editors.Select(e =>
            {
                var inner = $"{name}.{e.Name}";
                var value = ValueIn(json, e.Name)?.DeepClone() as JsonObject ?? [];
                var (messages, beside) = context.ErrorsOf(inner, e.InputOf, e.Label);
                return new Slot(new EditorModel(inner, e.Label, e.Hint, value, e.Settings, messages, model.Zone, model.Localizer, context) { Place = place, InputErrors = beside },
                    e.View, e.Grouped);
            }).ToList();
            items.Add(new Item(index, name, EditorModel.IdOf(name), Text(json["ContentItemId"]) ?? "", type, typeName, legend, slots));
        }
        return items;
    }

    public IReadOnlyList<EditorModel> Inner(EditorModel model) => [.. Items(model).SelectMany(i => i.Slots).Select(s => s.Model)];

    /// <summary>What names an item in its legend (and in a comparison of versions): its display text, its title, or
    /// the first text of its fields as that field's editor shows it (<paramref name="values"/>, given the settings of
    /// the editor named <c>{Part}.{Field}</c>): a predefined list's value by its option's name.</summary>
    public static string? Summary(JsonObject item, ValueText values, Func<string, JsonObject?> settingsOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(settingsOf);
        if (Text(item["DisplayText"]) is { } displayText)
        {
            return displayText;
        }
        var parts = item.Where(p => p.Value is JsonObject).Select(p => (Name: p.Key, Part: (JsonObject)p.Value!)).ToList();
        if (parts.Select(p => Text(p.Part["Title"])).FirstOrDefault(t => t is not null) is { } title)
        {
            return title;
        }
        return parts.SelectMany(p => p.Part.Select(f => (Name: $"{p.Name}.{f.Key}", Text: Text((f.Value as JsonObject)?["Text"]))))
            .Where(f => f.Text is not null)
            .Select(f => values.Text(f.Text!, settingsOf(f.Name)))
            .FirstOrDefault();
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    /// <summary>The value of the editor named <paramref name="name"/> (<c>TitlePart</c>, <c>GalleryPhoto.Caption</c>) in an item.</summary>
    private static JsonNode? ValueIn(JsonObject item, string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? item[name] : (item[name[..dot]] as JsonObject)?[name[(dot + 1)..]];
    }

    public JsonObject Read(EditorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Context is not { } context || !form.Checked("Shown"))
        {
            // Not in the form: the bag stays as stored.
            return [];
        }
        var allowed = form.Settings.Get<BagPartSettings>().ContainedContentTypes;
        var stored = HeldItems.In(form.Stored, Member)
            .Where(i => Text(i["ContentItemId"]) is not null)
            .GroupBy(i => Text(i["ContentItemId"])!)
            .ToDictionary(g => g.Key, g => g.First());
        var items = new List<JsonObject>();
        foreach (var posted in form.Texts("Index"))
        {
            var prefix = $"{Member}[{posted}]";
            var type = form.Text(prefix + ".ContentType");
            if (!int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out _) || context.Definitions.FindType(type) is not { } definition)
            {
                continue;
            }
            var id = form.Text(prefix + ".ContentItemId");
            var wasStored = stored.TryGetValue(id, out var kept) && Text(kept!["ContentType"]) == type;
            var item = wasStored
                ? (JsonObject)kept!.DeepClone()
                : new JsonObject { ["ContentItemId"] = IdGenerator.IsValid(id) ? id : IdGenerator.New(), ["ContentType"] = type };
            var reportAs = ItemName(form.ReportAs, items.Count);
            foreach (var editor in context.EditorsOf(definition))
            {
                var storedValue = ValueIn(item, editor.Name) as JsonObject;
                var read = editor.Read(form.Nested($"{form.Name}.{prefix}.{editor.Name}", editor.Label, editor.Settings, storedValue, $"{reportAs}.{editor.Name}"));
                // A field the stored item never had, left empty, stays out: a save that changes nothing writes the bag
                // as it was (its history shows no change nobody made).
                if (wasStored && storedValue is null && IsBlank(read))
                {
                    continue;
                }
                Put(item, editor.Name, read);
            }
            items.Add(item);
        }
        Rearrange(form, context, items, allowed);
        return new JsonObject { [Member] = new JsonArray([.. items]) };
    }

    /// <summary>Whether an editor's value holds nothing: empty texts and lists, unticked boxes, nulls.</summary>
    internal static bool IsBlank(JsonNode? value) => value switch
    {
        null => true,
        JsonObject o => o.All(m => IsBlank(m.Value)),
        JsonArray a => a.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text),
        JsonValue v when v.TryGetValue<bool>(out var flag) => !flag,
        _ => false,
    };

    /// <summary>Writes an editor's value into the item: a part's members into the part, a field over the field as it was
    /// (objects member by member, arrays and values replaced, nulls written).</summary>
    private static void Put(JsonObject item, string name, JsonObject read)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var partName = dot < 0 ? name : name[..dot];
        if (item[partName] is not JsonObject part)
        {
            item[partName] = part = [];
        }
        JsonObject target;
        if (dot < 0)
        {
            target = part;
        }
        else if (part[name[(dot + 1)..]] is JsonObject field)
        {
            target = field;
        }
        else
        {
            part[name[(dot + 1)..]] = target = [];
        }
        foreach (var (member, value) in read)
        {
            target[member] = value?.DeepClone();
        }
    }

    /// <summary>The Add, Remove, Move up and Move down buttons (<c>{bag}.Action</c>: <c>add</c>, <c>add:Type</c>,
    /// <c>remove:id</c>, <c>up:id</c>, <c>down:id</c>): the change made to the items, and the page asked to show the
    /// form again, unsaved, with the focus on the item and the change announced.</summary>
    private static void Rearrange(EditorForm form, EditorContext context, List<JsonObject> items, List<string> allowed)
    {
        var action = form.Text("Action");
        if (action.Length == 0)
        {
            return;
        }
        if (action == "apply")
        {
            ApplyPosted(form, context, items, allowed);
            return;
        }
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        var verb = colon < 0 ? action : action[..colon];
        var argument = colon < 0 ? form.Text("AddType") : action[(colon + 1)..];
        var change = Change(verb, argument, items.Select(i => Text(i["ContentItemId"]) ?? "").ToList(), allowed);
        if (change is null)
        {
            return;
        }
        var type = change.Kind == BagChangeKind.Added ? argument : Text(items[change.From]["ContentType"]) ?? "";
        var typeName = context.Definitions.FindType(type) is { } definition ? context.Translations.TypeName(definition) : type;
        switch (change.Kind)
        {
            case BagChangeKind.Added:
                items.Add(new JsonObject { ["ContentItemId"] = IdGenerator.New(), ["ContentType"] = type });
                break;
            case BagChangeKind.Removed:
                items.RemoveAt(change.From);
                break;
            case BagChangeKind.Moved:
                var moved = items[change.From];
                items.RemoveAt(change.From);
                items.Insert(change.To, moved);
                break;
        }
        var count = items.Count.ToString(CultureInfo.InvariantCulture);
        var itemId = EditorModel.IdOf(ItemName(form.Name, change.To));
        var (focus, key, position) = change.Kind switch
        {
            BagChangeKind.Added => (itemId, "BagPart.Added", change.To),
            BagChangeKind.Removed => (EditorModel.IdOf(form.Name) + "-add", "BagPart.Removed", change.From),
            _ => (itemId + "-" + verb, "BagPart.Moved", change.To),
        };
        context.ShowAgain(focus, key, typeName, (position + 1).ToString(CultureInfo.InvariantCulture), count);
    }

    /// <summary>"Apply to selected": the typed values written into the ticked items, or the form shown again with an
    /// error beside the button when no item is ticked or no box is filled.</summary>
    private static void ApplyPosted(EditorForm form, EditorContext context, List<JsonObject> items, List<string> allowed)
    {
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

    /// <summary>What a button asks of items in the order posted (their ids): null when it names no item, a type the bag
    /// may not hold, or a move past either end.</summary>
    public static BagChange? Change(string verb, string argument, IReadOnlyList<string> ids, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(allowed);
        if (verb == "add")
        {
            return allowed.Contains(argument) ? new BagChange(BagChangeKind.Added, ids.Count, ids.Count) : null;
        }
        var from = ids.ToList().IndexOf(argument ?? "");
        if (from < 0)
        {
            return null;
        }
        return verb switch
        {
            "remove" => new BagChange(BagChangeKind.Removed, from, from),
            "up" when from > 0 => new BagChange(BagChangeKind.Moved, from, from - 1),
            "down" when from < ids.Count - 1 => new BagChange(BagChangeKind.Moved, from, from + 1),
            _ => null,
        };
    }
}

public enum BagChangeKind
{
    Added,
    Removed,
    Moved,
}

/// <summary>An item added at <see cref="To"/>, removed from <see cref="From"/>, or moved from one to the other.</summary>
public sealed record BagChange(BagChangeKind Kind, int From, int To);
