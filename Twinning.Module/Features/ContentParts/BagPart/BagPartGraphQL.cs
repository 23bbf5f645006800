using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.BagPart;

/// <summary><c>bag { contentItems }</c>: the items the bag holds, of types the caller may view.</summary>
public sealed partial class BagPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.Shared(Name, () =>
        {
            var bag = new ObjectGraphType { Name = Name };
            bag.AddField(graph.ItemsField("contentItems", c => ((c.Source as PartSource)?.Part?["ContentItems"] as JsonArray ?? [])
                .OfType<JsonObject>().Select(ContentItemJsonConverter.FromJson).ToList()));
            return bag;
        }))];
}
