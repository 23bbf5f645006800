using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.TaxonomyField;

/// <summary><c>TaxonomyField { termContentItemIds taxonomyContentItemId taxonomyContentItem termContentItems }</c>: the
/// terms are read from the published taxonomy, in the field's order.</summary>
public sealed partial class TaxonomyFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfObject(graph.Shared(Name, () =>
    {
        static string? TaxonomyId(object? source) => ContentGraphParts.Text((source as FieldSource)?.Field["TaxonomyContentItemId"]);
        var taxonomy = new ObjectGraphType { Name = Name };
        taxonomy.AddField(graph.IdsField("termContentItemIds", s => ContentGraphParts.Strings((s as FieldSource)?.Field["TermContentItemIds"])));
        taxonomy.AddField(ContentGraphParts.Field<StringGraphType>("taxonomyContentItemId", TaxonomyId));
        taxonomy.AddField(graph.ItemField("taxonomyContentItem", c => TaxonomyId(c.Source)));
        taxonomy.AddField(graph.DeferredItemsField("termContentItems", defaultFirst: null, c =>
        {
            var id = TaxonomyId(c.Source);
            var termIds = ContentGraphParts.Strings((c.Source as FieldSource)?.Field["TermContentItemIds"]);
            if (id is null || termIds.Count == 0)
            {
                return new Deferred<IReadOnlyList<ContentItem>>(_ => Task.FromResult<IReadOnlyList<ContentItem>>([]));
            }
            return ContentGraphRequest.Of(c).Published(id).Then(taxonomies =>
            {
                var terms = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
                CollectTerms(ContentGraphRequest.FirstOf(taxonomies)?.Part("TaxonomyPart")?["Terms"] as JsonArray, terms);
                return Task.FromResult<IReadOnlyList<ContentItem>>(termIds.Where(terms.ContainsKey).Select(t => terms[t]).ToList());
            });
        }));
        return taxonomy;
    }));

    public Type? WhereInputType => null;

    private static void CollectTerms(JsonArray? terms, Dictionary<string, ContentItem> found)
    {
        foreach (var term in (terms ?? []).OfType<JsonObject>())
        {
            var item = ContentItemJsonConverter.FromJson(term);
            found[item.ContentItemId] = item;
            CollectTerms(term["Terms"] as JsonArray, found);
        }
    }
}
