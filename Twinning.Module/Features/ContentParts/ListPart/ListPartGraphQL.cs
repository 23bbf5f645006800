using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.ListPart;

/// <summary><c>list { contentItems(first: 10, skip: 0) }</c>: the published children in list order.</summary>
public sealed partial class ListPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.Shared(Name, () =>
        {
            var list = new ObjectGraphType { Name = Name };
            list.AddField(graph.DeferredItemsField("contentItems", defaultFirst: 10,
                c => ContentGraphRequest.Of(c).Children(((PartSource)c.Source!).Item.ContentItemId)));
            return list;
        }))];
}
