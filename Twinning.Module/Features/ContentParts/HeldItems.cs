using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts;

/// <summary>What a part that holds whole content items in one member (a bag's <c>ContentItems</c>, a flow's
/// <c>Widgets</c>) does the same way: the items as JSON, and one GraphQL object with a list of them.</summary>
internal static class HeldItems
{
    public static IEnumerable<JsonObject> In(JsonObject? part, string member) => (part?[member] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>The part's field: an object named after the part type, with <paramref name="field"/> listing the items.</summary>
    public static FieldType PartField(IContentGraph graph, string instance, string partType, string field, string member)
        => graph.PartField(instance, graph.Shared(partType, () =>
        {
            var type = new ObjectGraphType { Name = partType };
            type.AddField(graph.ItemsField(field, c => In((c.Source as PartSource)?.Part, member).Select(ContentItemJsonConverter.FromJson).ToList()));
            return type;
        }));
}
