using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.ContentPickerField;

/// <summary>Ids of existing content items of the allowed types; its reference rows are written by ContentIndexer;
/// not in the field value index.</summary>
public sealed partial class ContentPickerFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "ContentPickerField";
    public IReadOnlyList<string> Members { get; } = ["ContentItemIds"];

    public async Task ValidateAsync(FieldValidation field)
    {
        var settings = field.Settings.Get<ContentPickerFieldSettings>();
        var ids = field.ReadStrings("ContentItemIds");
        if (ids is null)
        {
            return;
        }
        if (settings.Required && ids.Count == 0)
        {
            field.Fail("ContentItemIds", "Field.Required");
        }
        if (!settings.Multiple && ids.Count > 1)
        {
            field.Fail("ContentItemIds", "ContentPicker.OneItem", ("count", ids.Count));
        }
        if (field.ExceedsPickLimit(ids, "ContentItemIds") || ids.Count == 0)
        {
            return;
        }
        var types = await field.Scope.Lookup.GetLatestContentTypesAsync(ids);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!types.TryGetValue(ids[i], out var type))
            {
                field.Fail($"ContentItemIds[{i}]", "ContentPicker.NoSuchItem", ("id", ids[i]));
            }
            else if (!settings.DisplayAllContentTypes && settings.DisplayedContentTypes.Count > 0
                && !settings.DisplayedContentTypes.Contains(type))
            {
                field.Fail($"ContentItemIds[{i}]", "ContentPicker.WrongType",
                    ("types", string.Join(", ", settings.DisplayedContentTypes)), ("id", ids[i]), ("type", type));
            }
        }
    }

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];

    public IEnumerable<string> ReferencedItemIds(JsonObject field)
        => (field["ContentItemIds"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>());
}
