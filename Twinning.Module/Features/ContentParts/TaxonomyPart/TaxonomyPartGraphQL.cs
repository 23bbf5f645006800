using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.TaxonomyPart;

/// <summary><c>taxonomy { termContentType contentItems(first, skip) }</c>: the top-level terms, of types the caller may view.</summary>
public sealed partial class TaxonomyPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.Shared(Name, () =>
        {
            var taxonomy = new ObjectGraphType { Name = Name };
            taxonomy.AddField(ContentGraphParts.Field<StringGraphType>("termContentType", s => ContentGraphParts.Text((s as PartSource)?.Part?["TermContentType"])));
            taxonomy.AddField(graph.ItemsField("contentItems", c => ((c.Source as PartSource)?.Part?["Terms"] as JsonArray ?? [])
                .OfType<JsonObject>().Select(ContentItemJsonConverter.FromJson).ToList()));
            return taxonomy;
        }))];
}
