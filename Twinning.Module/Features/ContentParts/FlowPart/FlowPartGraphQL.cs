using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.FlowPart;

/// <summary><c>flowPart { widgets }</c>: the widgets of the flow, of types the caller may view.</summary>
public sealed partial class FlowPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.Shared(Name, () =>
        {
            var flow = new ObjectGraphType { Name = Name };
            flow.AddField(graph.ItemsField("widgets", c => ((c.Source as PartSource)?.Part?["Widgets"] as JsonArray ?? [])
                .OfType<JsonObject>().Select(ContentItemJsonConverter.FromJson).ToList()));
            return flow;
        }))];
}
