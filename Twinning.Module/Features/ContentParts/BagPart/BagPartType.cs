using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentParts.BagPart;

/// <summary>Content items held inside the item (<c>ContentItems</c>), each validated against its own type; their
/// pickers and media give the item's reference rows.</summary>
public sealed partial class BagPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "BagPart";
    public IReadOnlyList<string> Members { get; } = ["ContentItems"];

    public Task ValidateAsync(PartValidation part)
        => part.ValidateItemsAsync("ContentItems", part.Settings.Get<BagPartSettings>().ContainedContentTypes);

    public IEnumerable<JsonObject> NestedItems(JsonObject part) => (part["ContentItems"] as JsonArray ?? []).OfType<JsonObject>();
}
