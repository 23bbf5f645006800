using GraphQL;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.ContentPickerField;

/// <summary><c>ContentPickerField { contentItemIds(first, skip) contentItems(first, skip) }</c>: the picked items published and visible to the caller,
/// in the picker's order.</summary>
public sealed partial class ContentPickerFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfObject(graph.Shared(Name, () =>
    {
        var picker = new ObjectGraphType { Name = Name };
        picker.AddField(graph.IdsField("contentItemIds", s => ContentGraphParts.Strings((s as FieldSource)?.Field["ContentItemIds"])));
        picker.AddField(graph.DeferredItemsField("contentItems", defaultFirst: null, c => Published(c, ContentGraphParts.Strings((c.Source as FieldSource)?.Field["ContentItemIds"]))));
        return picker;
    }));

    public Type? WhereInputType => null;

    /// <summary>Published items in the picker's order; every id is asked for now, so sibling pickers load together.</summary>
    private static Deferred<IReadOnlyList<ContentItem>> Published(IResolveFieldContext c, IReadOnlyList<string> ids)
    {
        var request = ContentGraphRequest.Of(c);
        var pending = ids.Select(request.Published).ToList();
        return new Deferred<IReadOnlyList<ContentItem>>(async ct =>
        {
            var items = new List<ContentItem>();
            foreach (var result in pending)
            {
                items.AddRange(await result.GetResultAsync(ct));
            }
            return items;
        });
    }
}
