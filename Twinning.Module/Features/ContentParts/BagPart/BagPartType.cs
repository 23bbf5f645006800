using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentParts.BagPart;

/// <summary>Content items held inside the item (<c>ContentItems</c>), each validated against its own type; their
/// pickers and media give the item's reference rows.</summary>
public sealed partial class BagPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "BagPart";
    private const string Member = "ContentItems";

    public IReadOnlyList<string> Members { get; } = [Member];

    public Task ValidateAsync(PartValidation part)
        => part.ValidateItemsAsync(Member, part.Settings.Get<BagPartSettings>().ContainedContentTypes);

    public IEnumerable<JsonObject> NestedItems(JsonObject part) => HeldItems.In(part, Member);
}
