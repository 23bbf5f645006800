using Twinning.Core.Content;

namespace Twinning.Module.Tests.Municipal;

/// <summary>Published items held in memory, as a host's store would answer the outputs; an item added as a draft is
/// never returned.</summary>
internal sealed class InMemoryPublishedContent : IPublishedContent
{
    private readonly List<ContentItem> _items = [];

    public InMemoryPublishedContent Add(params ContentItem[] items)
    {
        _items.AddRange(items);
        return this;
    }

    public Task<ContentItem?> GetPublishedAsync(string contentItemId)
        => Task.FromResult(_items.FirstOrDefault(i => i.Published && i.ContentItemId == contentItemId));

    public Task<IReadOnlyList<ContentItem>> ListPublishedAsync(string contentType, string culture)
        => Task.FromResult<IReadOnlyList<ContentItem>>(_items
            .Where(i => i.Published && i.ContentType == contentType && i.Part("LocalizationPart")?["Culture"]?.GetValue<string>() == culture)
            .OrderBy(i => i.DisplayText, StringComparer.Ordinal)
            .ToList());

    public Task<IReadOnlyList<ContentItem>> ListPublishedChildrenAsync(string listContentItemId)
        => Task.FromResult<IReadOnlyList<ContentItem>>(_items
            .Where(i => i.Published && i.Part("ContainedPart")?["ListContentItemId"]?.GetValue<string>() == listContentItemId)
            .OrderBy(i => i.Part("ContainedPart")?["Order"]?.GetValue<int>() ?? 0)
            .ToList());
}
