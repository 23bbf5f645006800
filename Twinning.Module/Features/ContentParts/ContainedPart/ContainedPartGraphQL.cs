using System.Text.Json.Nodes;
using GraphQL.Resolvers;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.ContainedPart;

/// <summary>Orchard's ContainedPart shape: on an item, a field named after each list type that may contain its type
/// (<c>forum { listContentItemId listContentType order listContentItem }</c>), set when the item sits in such a list.</summary>
public sealed partial class ContainedPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
    {
        foreach (var list in graph.Definitions.ContentTypeDefinitionRecords)
        {
            foreach (var listPart in list.PartsOfKind("ListPart"))
            {
                var contained = listPart.Settings["ListPartSettings"]?["ContainedContentTypes"] as JsonArray ?? [];
                if (contained.Any(t => ContentGraphParts.Text(t) == type.Name))
                {
                    var listType = list.Name;
                    yield return new FieldType
                    {
                        Name = ContentGraphParts.CamelCase(list.Name),
                        Description = $"Where this item sits in its {list.Name}.",
                        ResolvedType = GraphType(graph),
                        Resolver = new FuncFieldResolver<object?>(c => c.Source is ContentItem i && i.Part(Name) is { } p
                            && (ContentGraphParts.Text(p["ListContentType"]) ?? listType) == listType ? new PartSource(i, p) : null),
                    };
                }
            }
        }
    }

    private IGraphType GraphType(IContentGraph graph) => graph.Shared(Name, () =>
    {
        static string? ListId(object? source) => ContentGraphParts.Text((source as PartSource)?.Part?["ListContentItemId"]);
        var contained = new ObjectGraphType { Name = Name };
        contained.AddField(ContentGraphParts.Field<StringGraphType>("listContentItemId", ListId));
        contained.AddField(ContentGraphParts.Field<StringGraphType>("listContentType", s => ContentGraphParts.Text((s as PartSource)?.Part?["ListContentType"])));
        contained.AddField(ContentGraphParts.Field<IntGraphType>("order", s => (s as PartSource)?.Part?["Order"] is JsonValue v && v.TryGetValue<int>(out var o) ? o : null));
        contained.AddField(graph.ItemField("listContentItem", c => ListId(c.Source)));
        return contained;
    });
}
