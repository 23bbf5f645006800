namespace Twinning.Core.Content;

/// <summary>
/// Published content as the municipal outputs (calendars, maps, JSON-LD) read it. Each host answers from its own
/// store: Twinning's from its content tables, the Orchard Core module from its content manager. Drafts and removed
/// items are never returned, so an output cannot leak what is not public.
/// </summary>
public interface IPublishedContent
{
    /// <summary>The published version of an item, or null when it has none.</summary>
    Task<ContentItem?> GetPublishedAsync(string contentItemId);

    /// <summary>The published items of a type in one culture (as the site names it), in display-text order.</summary>
    Task<IReadOnlyList<ContentItem>> ListPublishedAsync(string contentType, string culture);

    /// <summary>The published children of a list item (a forum's panels), in list order.</summary>
    Task<IReadOnlyList<ContentItem>> ListPublishedChildrenAsync(string listContentItemId);
}
