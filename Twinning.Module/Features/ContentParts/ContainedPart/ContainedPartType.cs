using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentParts.ContainedPart;

/// <summary>Where an item sits in a list: the list item, its type and the position. Welded on by the list, not declared
/// by the item's type; indexed in the version's list columns, which give a list its children in order.</summary>
public sealed partial class ContainedPartType : IContentPartValidation, IContentPartIndexing
{
    /// <summary>The part's name, which is also its member in the item's JSON.</summary>
    public const string PartName = "ContainedPart";

    public string Name => PartName;
    public IReadOnlyList<string> Members { get; } = ["ListContentItemId", "ListContentType", "Order"];

    public async Task ValidateAsync(PartValidation part)
    {
        var item = part.Item;
        var listId = part.Text("ListContentItemId");
        if (string.IsNullOrEmpty(listId))
        {
            part.Fail("ListContentItemId", "Contained.ListRequired");
            return;
        }
        var list = await part.Scope.Lookup.GetLatestAsync(listId);
        var listType = list is null ? null : part.Scope.Definitions.FindType(list.ContentType);
        if (list is null || listType is null)
        {
            part.Fail("ListContentItemId", "Contained.NoSuchList", ("id", listId));
            return;
        }
        var listPart = listType.PartsOfKind("ListPart").FirstOrDefault();
        if (listPart is null)
        {
            part.Fail("ListContentItemId", "Contained.NotAList", ("id", listId), ("type", list.ContentType));
            return;
        }
        var allowed = listPart.Settings.Get<ListPartSettings>().ContainedContentTypes;
        if (allowed.Count > 0 && !allowed.Contains(item.ContentType))
        {
            part.Fail("ListContentItemId", "Contained.TypeNotAllowed", ("listType", list.ContentType), ("allowed", string.Join(", ", allowed)), ("type", item.ContentType));
        }
        part.Part["ListContentType"] = list.ContentType;
        var order = part.Part["Order"];
        if (order is not null && (order.GetValueKind() != JsonValueKind.Number || !order.AsValue().TryGetValue<int>(out var value) || value < 0))
        {
            part.Fail("Order", "Contained.Order");
        }
    }

    public void Index(JsonObject? part, ContentItemVersionRecord record)
    {
        record.ListContentItemId = PartIndex.Text(part, "ListContentItemId");
        record.ListOrder = part?["Order"] is JsonValue order && order.TryGetValue<int>(out var o) ? o : null;
    }
}
