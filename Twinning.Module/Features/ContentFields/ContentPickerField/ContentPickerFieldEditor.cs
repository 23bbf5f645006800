using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.ContentPickerField;

/// <summary>
/// The chosen items as an ordered list and a way to add one. Without scripts each chosen item is a ticked checkbox
/// (untick to remove) and an item is added by typing its content item ID; wwwroot/admin-content-picker.js turns the
/// list into items with Remove, Move up and Move down buttons and the input into a searchable combobox backed by
/// <c>/admin/content/choices</c>. Either way the form posts the ids in order; the save checks the allowed types and
/// Multiple again (ContentPickerFieldType), so a forged choice is refused.
/// </summary>
public sealed class ContentPickerFieldEditor : IContentFieldEditor
{
    public string FieldType => "ContentPickerField";
    public string View => "/Features/ContentFields/ContentPickerField/ContentPickerFieldEditor.cshtml";
    public bool Grouped => true;

    public JsonObject Read(EditorForm form)
    {
        var ids = Choose(form.Texts("ContentItemIds"), form.Text("Add"), form.Settings.Get<ContentPickerFieldSettings>().Multiple);
        return new() { ["ContentItemIds"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]) };
    }

    /// <summary>The ids to save: the kept ones in their order, then those typed to add (separated by spaces or commas),
    /// each once. A picker of one item takes a typed id instead of the kept one.</summary>
    public static IReadOnlyList<string> Choose(IEnumerable<string> kept, string added, bool multiple)
    {
        var typed = added.Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var keptIds = kept.Where(id => id.Length > 0);
        var ids = multiple || typed.Length == 0 ? keptIds.Concat(typed) : typed;
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }
}
