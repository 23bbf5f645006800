using Twinning.Core.Content;

namespace Twinning.Module.Tests.Validation;

/// <summary>The items a validation may look up, held in memory: what the store answers for items already saved,
/// without a database.</summary>
internal sealed class InMemoryContentLookup : IContentLookup
{
    private readonly Dictionary<string, ContentItem> _items = new(StringComparer.Ordinal);

    public void Add(ContentItem item) => _items[item.ContentItemId] = item;

    public Task<ContentItem?> GetLatestAsync(string contentItemId) => Task.FromResult(_items.GetValueOrDefault(contentItemId));

    public Task<IReadOnlyDictionary<string, string>> GetLatestContentTypesAsync(IReadOnlyCollection<string> contentItemIds)
        => Task.FromResult<IReadOnlyDictionary<string, string>>(contentItemIds
            .Where(_items.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => _items[id].ContentType, StringComparer.Ordinal));

    /// <summary>Referring items, each with the ids it names (what the reference index holds for saved items).</summary>
    public Dictionary<string, string[]> References { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, int>> CountReferrersAsync(IReadOnlyCollection<string> contentItemIds, string exceptContentItemId)
        => Task.FromResult<IReadOnlyDictionary<string, int>>(contentItemIds.Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Count: References.Count(r => r.Key != exceptContentItemId && r.Value.Contains(id))))
            .Where(c => c.Count > 0)
            .ToDictionary(c => c.Id, c => c.Count, StringComparer.Ordinal));

    public Task<bool> IsPathTakenAsync(string path, string exceptContentItemId)
        => Task.FromResult(Others(exceptContentItemId).Any(i => Text(i, "AutoroutePart", "Path") == path));

    public Task<bool> IsTranslationTakenAsync(string localizationSet, string culture, string exceptContentItemId)
        => Task.FromResult(Others(exceptContentItemId).Any(i =>
            Text(i, "LocalizationPart", "LocalizationSet") == localizationSet && Text(i, "LocalizationPart", "Culture") == culture));

    private IEnumerable<ContentItem> Others(string exceptContentItemId)
        => _items.Values.Where(i => i.ContentItemId != exceptContentItemId);

    private static string? Text(ContentItem item, string part, string property)
        => item.Part(part)?[property]?.GetValue<string>();
}
