using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts;

/// <summary>
/// The editor of a part that holds whole content items in one member (a bag's <c>ContentItems</c>, a taxonomy's
/// <c>Terms</c>): the items in order, each in a fieldset with the editors of its type's parts and fields under a
/// prefixed name (<c>Photos.ContentItems[2].GalleryPhoto.Caption.Text</c>), so that any such part of any definition gets
/// its editor. Each posted item carries its <c>ContentItemId</c>, and is read over the item as stored, so members
/// without an editor (a term's child terms) are kept. The Add, Remove, Move up and Move down buttons submit the form
/// (<c>{part}.Action</c>): the page shows it again with the change made, unsaved, every typed value kept; with the script
/// (<c>bag-part.js</c>) the last three work in place. The posted <c>{part}.Index</c> inputs give the order. One view,
/// <see cref="SharedView"/>, renders every such editor.
/// </summary>
public abstract class HeldItemsEditor : IContentPartEditor
{
    /// <summary>The view of every held-items editor; each editor's own view renders it with the editor in the view data
    /// under <see cref="ViewDataKey"/>.</summary>
    public const string SharedView = "/Features/ContentParts/HeldItemsEditor.cshtml";

    public const string ViewDataKey = nameof(HeldItemsEditor);

    public abstract string PartName { get; }
    public abstract string View { get; }
    public bool Grouped => true;

    /// <summary>The part's member that lists the items.</summary>
    protected abstract string Member { get; }

    /// <summary>The types the part may take, given its settings in the type and its value (as stored or as typed).</summary>
    protected abstract IReadOnlyList<string> AllowedTypes(JsonObject settings, JsonObject? value, ContentDefinitionDocument definitions);

    /// <summary>One editor inside an item, with its model.</summary>
    public sealed record Slot(EditorModel Model, string View, bool Grouped);

    /// <summary>One item as the form shows it: its place, its form name (<c>Photos.ContentItems[2]</c>), its fieldset's
    /// id, and its legend with the position left as <c>{n}</c>. A <paramref name="Kept"/> item is shown without its
    /// editors and saved as stored, with <paramref name="Error"/> beside it (a term whose removal was refused).</summary>
    public sealed record Item(int Index, string Name, string Id, string ContentItemId, string ContentType, string TypeName, string LegendTemplate,
        IReadOnlyList<Slot> Slots, bool Kept = false, string? Error = null)
    {
        public int Position => Index + 1;

        public string Legend => Numbered(LegendTemplate, Position);
    }

    /// <summary>A type the part may take, for the Add button.</summary>
    public sealed record Choice(string Name, string DisplayName);

    /// <summary>A box of the bag's "Apply to selected": the field's name, its label, and its value before anything is
    /// typed (the edited item's own text field named <c>Default{Name}</c>, a gallery's DefaultCredit).</summary>
    public sealed record ApplyField(string Name, string Label, string? Default);

    public static string Numbered(string template, int position) => template.Replace("{n}", position.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The form name of the item at <paramref name="index"/> of the member of the part named <paramref name="part"/>.</summary>
    protected static string ItemName(string part, string member, int index) => $"{part}.{member}[{index.ToString(CultureInfo.InvariantCulture)}]";

    private string ItemNameIn(string part, int index) => ItemName(part, Member, index);

    /// <summary>The types the part may take that the definitions know, for the Add button.</summary>
    public IReadOnlyList<Choice> Choices(EditorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Context is not { } context)
        {
            return [];
        }
        return [.. AllowedTypes(model.Settings, model.Value, context.Definitions)
            .Select(context.Definitions.FindType)
            .OfType<ContentTypeDefinition>()
            .Select(t => new Choice(t.Name, context.Translations.TypeName(t)))];
    }

    /// <summary>The boxes of "Apply to selected"; none unless the part offers it (a gallery's photos).</summary>
    public virtual IReadOnlyList<ApplyField> ApplyFields(EditorModel model) => [];

    /// <summary>Items to show after those of the value, without their editors: none unless the part has some (a term
    /// whose removal a save refused), each with its id, type, title and the error to show beside it.</summary>
    protected virtual IEnumerable<(JsonObject Item, string Error)> KeptItems(EditorModel model) => [];

    /// <summary>The items with their editors, in order.</summary>
    public IReadOnlyList<Item> Items(EditorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Context is not { } context)
        {
            return [];
        }
        var items = new List<Item>();
        var held = HeldItems.In(model.Value, Member).Select(json => (Json: json, Error: (string?)null))
            .Concat(KeptItems(model).Select(k => (Json: k.Item, Error: (string?)k.Error)));
        foreach (var (json, error) in held)
        {
            var type = Text(json["ContentType"]);
            if (type is null || context.Definitions.FindType(type) is not { } definition)
            {
                continue;
            }
            var index = items.Count;
            var name = ItemNameIn(model.Name, index);
            var typeName = context.Translations.TypeName(definition);
            var editors = context.EditorsOf(definition);
            var summary = Summary(json, context.Values, editorName => editors.FirstOrDefault(e => e.Name == editorName)?.Settings);
            var legend = summary is null ? model.Localizer["BagPart.Item", typeName, "{n}"].Value : model.Localizer["BagPart.ItemWithSummary", typeName, "{n}", summary].Value;
            var place = Numbered(legend, index + 1);
            var slots = error is not null ? [] : editors.Select(e =>
            {
                var inner = $"{name}.{e.Name}";
                var value = ValueIn(json, e.Name)?.DeepClone() as JsonObject ?? [];
                var (messages, beside) = context.ErrorsOf(inner, e.InputOf, e.Label);
                return new Slot(new EditorModel(inner, e.Label, e.Hint, value, e.Settings, messages, model.Zone, model.Localizer, context) { Place = place, InputErrors = beside },
                    e.View, e.Grouped);
            }).ToList();
            items.Add(new Item(index, name, EditorModel.IdOf(name), Text(json["ContentItemId"]) ?? "", type, typeName, legend, slots, error is not null, error));
        }
        return items;
    }

    public virtual IReadOnlyList<EditorModel> Inner(EditorModel model) => [.. Items(model).SelectMany(i => i.Slots).Select(s => s.Model)];

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

    protected static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

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
            // Not in the form: the part stays as stored.
            return [];
        }
        var allowed = AllowedTypes(form.Settings, form.Stored, context.Definitions);
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
            if (form.Checked(prefix + ".Kept"))
            {
                // Shown without its editors: saved as stored, or not at all when it is not.
                if (wasStored)
                {
                    items.Add((JsonObject)kept!.DeepClone());
                }
                continue;
            }
            var item = wasStored
                ? (JsonObject)kept!.DeepClone()
                : new JsonObject { ["ContentItemId"] = IdGenerator.IsValid(id) ? id : IdGenerator.New(), ["ContentType"] = type };
            var reportAs = ItemNameIn(form.ReportAs, items.Count);
            foreach (var editor in context.EditorsOf(definition))
            {
                var storedValue = ValueIn(item, editor.Name) as JsonObject;
                var read = editor.Read(form.Nested($"{form.Name}.{prefix}.{editor.Name}", editor.Label, editor.Settings, storedValue, $"{reportAs}.{editor.Name}"));
                // A field the stored item never had, left empty, stays out: a save that changes nothing writes the
                // items as they were (their history shows no change nobody made).
                if (wasStored && storedValue is null && IsBlank(read))
                {
                    continue;
                }
                Put(item, editor.Name, read);
            }
            items.Add(item);
        }
        if (!Act(form, context, items, allowed))
        {
            Rearrange(form, context, items, allowed);
        }
        return Value(form, items);
    }

    /// <summary>The part's members as read: the items, and whatever else the part keeps beside them.</summary>
    protected virtual JsonObject Value(EditorForm form, List<JsonObject> items) => new() { [Member] = new JsonArray([.. items]) };

    /// <summary>A button of the part's own (the bag's "Apply to selected"): true when it handled the posted action.</summary>
    protected virtual bool Act(EditorForm form, EditorContext context, List<JsonObject> items, IReadOnlyList<string> allowed) => false;

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
    protected static void Put(JsonObject item, string name, JsonObject read)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(read);
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

    /// <summary>The Add, Remove, Move up and Move down buttons (<c>{part}.Action</c>: <c>add</c>, <c>add:Type</c>,
    /// <c>remove:id</c>, <c>up:id</c>, <c>down:id</c>): the change made to the items, and the page asked to show the
    /// form again, unsaved, with the focus on the item and the change announced.</summary>
    private void Rearrange(EditorForm form, EditorContext context, List<JsonObject> items, IReadOnlyList<string> allowed)
    {
        var action = form.Text("Action");
        if (action.Length == 0)
        {
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
        var itemId = EditorModel.IdOf(ItemNameIn(form.Name, change.To));
        var (focus, key, position) = change.Kind switch
        {
            BagChangeKind.Added => (itemId, "BagPart.Added", change.To),
            BagChangeKind.Removed => (EditorModel.IdOf(form.Name) + "-add", "BagPart.Removed", change.From),
            _ => (itemId + "-" + verb, "BagPart.Moved", change.To),
        };
        context.ShowAgain(focus, key, typeName, (position + 1).ToString(CultureInfo.InvariantCulture), count);
    }

    /// <summary>What a button asks of items in the order posted (their ids): null when it names no item, a type the part
    /// may not take, or a move past either end.</summary>
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
