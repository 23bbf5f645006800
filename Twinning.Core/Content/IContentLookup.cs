namespace Twinning.Core.Content;

/// <summary>
/// What validation needs to know about other items: whether they exist, their type, and which
/// slugs and translations are taken. Items written earlier in the same request or recipe count.
/// </summary>
public interface IContentLookup
{
    /// <summary>The latest version of an item that has not been deleted, or null.</summary>
    Task<ContentItem?> GetLatestAsync(string contentItemId);

    /// <summary>The content type of the latest version of each of these items that exists and has not been deleted,
    /// keyed by id, read in one query however many ids there are; ids of missing items are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> GetLatestContentTypesAsync(IReadOnlyCollection<string> contentItemIds);

    /// <summary>How many items other than <paramref name="exceptContentItemId"/> refer to each of these items through a
    /// content picker or taxonomy field in their latest or published version, keyed by id, read in one query; ids
    /// nothing refers to are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> CountReferrersAsync(IReadOnlyCollection<string> contentItemIds, string exceptContentItemId);

    /// <summary>Whether another item's latest or published version uses this path.</summary>
    Task<bool> IsPathTakenAsync(string path, string exceptContentItemId);

    /// <summary>Whether another item already holds this culture in the localization set.</summary>
    Task<bool> IsTranslationTakenAsync(string localizationSet, string culture, string exceptContentItemId);
}
