using System.Text.Json.Dynamic;
using System.Text.Json.Nodes;
using OrchardCore.ContentManagement;
using TwinningItem = Twinning.Core.Content.ContentItem;

namespace Twinning.OrchardCore.Endpoints;

/// <summary>An Orchard content item as Twinning.Core reads it. Both store the same JSON (envelope plus parts keyed by
/// name), so nothing is copied: the shared item's <c>Data</c> is the Orchard item's own JSON object, and a rule that
/// normalises a value (a phone number to E.164) changes the item Orchard is about to save.</summary>
public static class OrchardContentItems
{
    public static TwinningItem ToTwinning(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // ContentElement.Content is a JsonDynamicObject over the item's JSON; its conversion hands back that object.
        JsonObject data = (JsonDynamicObject)item.Content;
        return new TwinningItem
        {
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            ContentType = item.ContentType,
            DisplayText = item.DisplayText,
            Latest = item.Latest,
            Published = item.Published,
            ModifiedUtc = item.ModifiedUtc,
            PublishedUtc = item.PublishedUtc,
            CreatedUtc = item.CreatedUtc,
            Owner = item.Owner,
            Author = item.Author,
            Data = data,
        };
    }
}
