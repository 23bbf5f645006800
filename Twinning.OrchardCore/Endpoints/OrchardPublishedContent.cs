using OrchardCore.ContentLocalization.Records;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Records;
using OrchardCore.Lists.Indexes;
using IPublishedContent = Twinning.Core.Content.IPublishedContent;
using YesSql;
using TwinningItem = Twinning.Core.Content.ContentItem;

namespace Twinning.OrchardCore.Endpoints;

/// <summary>Published content for the municipal outputs, read through Orchard's content manager and YesSql indexes.</summary>
public sealed class OrchardPublishedContent(IContentManager contentManager, ISession session) : IPublishedContent
{
    public async Task<TwinningItem?> GetPublishedAsync(string contentItemId)
        => await contentManager.GetAsync(contentItemId, VersionOptions.Published) is { } item
            ? OrchardContentItems.ToTwinning(item)
            : null;

    public async Task<IReadOnlyList<TwinningItem>> ListPublishedAsync(string contentType, string culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // Orchard's localization index stores cultures in lower case; compute the value outside the lambda, which
        // YesSql turns into SQL.
        var lowered = culture.ToLowerInvariant();
        var items = await session
            .Query<ContentItem, ContentItemIndex>(x => x.ContentType == contentType && x.Published)
            .With<LocalizedContentItemIndex>(x => x.Culture == lowered)
            .ListAsync();
        return PublishedOrder.ByDisplayText(items.Select(OrchardContentItems.ToTwinning));
    }

    public async Task<IReadOnlyList<TwinningItem>> ListPublishedChildrenAsync(string listContentItemId)
    {
        var items = await session
            .Query<ContentItem, ContentItemIndex>(x => x.Published)
            .With<ContainedPartIndex>(x => x.ListContentItemId == listContentItemId)
            .OrderBy(x => x.Order)
            .ListAsync();
        return items.Select(OrchardContentItems.ToTwinning).ToList();
    }
}

public static class PublishedOrder
{
    /// <summary>Display-text order, compared ordinally in memory (then by id), so the database's collation (SQLite,
    /// PostgreSQL, SQL Server) cannot change the order of a feed.</summary>
    public static IReadOnlyList<TwinningItem> ByDisplayText(IEnumerable<TwinningItem> items)
        => items.OrderBy(i => i.DisplayText ?? "", StringComparer.Ordinal)
            .ThenBy(i => i.ContentItemId, StringComparer.Ordinal)
            .ToList();
}
