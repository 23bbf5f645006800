using System.Text.Json.Nodes;

namespace Twinning.Module.Features.ContentParts.FlowPart;

/// <summary>Orchard's flow of widgets (<c>Widgets</c>): content items of any type, each validated against its own
/// type; widgets of features Twinning does not have were passed over by the recipe. Their pickers and media give
/// the item's reference rows, as a bag's items do.</summary>
public sealed partial class FlowPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "FlowPart";
    private const string Member = "Widgets";

    public IReadOnlyList<string> Members { get; } = [Member];

    public Task ValidateAsync(PartValidation part) => part.ValidateItemsAsync(Member, []);

    public IEnumerable<JsonObject> NestedItems(JsonObject part) => HeldItems.In(part, Member);
}
