using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Core.Content.Localization;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentItems;

/// <summary>Which version of an item a read wants.</summary>
public enum VersionOptions
{
    /// <summary>The published version, or nothing.</summary>
    Published,

    /// <summary>The latest version, draft or published.</summary>
    Latest,
}

/// <summary>Reads content item versions, and answers validation's questions about other items. Items that a
/// recipe step has announced but not yet written count as existing, so items may refer to later ones.</summary>
public sealed class ContentStore(TwinningDbContext db, ContentItemCache cache) : IContentLookup, IPublishedContent
{
    private readonly Dictionary<string, ContentItem> _pending = new(StringComparer.Ordinal);

    /// <summary>Makes items about to be written visible to lookups (a recipe's content step).</summary>
    public void Announce(IEnumerable<ContentItem> items)
    {
        foreach (var item in items)
        {
            _pending[item.ContentItemId] = item;
        }
    }

    public void ClearAnnounced() => _pending.Clear();

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published)
    {
        var query = db.ContentItemVersions.AsNoTracking().Where(v => v.ContentItemId == contentItemId);
        query = options == VersionOptions.Published ? query.Where(v => v.Published) : query.Where(v => v.Latest);
        var content = await query.Select(v => v.Content).FirstOrDefaultAsync();
        return content is null ? null : ContentItemJsonConverter.Deserialize(content);
    }

    /// <summary>The published version as a shared entry of the <see cref="ContentItemCache"/>, for reads that only
    /// serve it (its item must not be changed).</summary>
    public async Task<CachedContentItem?> GetPublishedEntryAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var row = await db.ContentItemVersions.AsNoTracking().Where(v => v.ContentItemId == contentItemId && v.Published)
            .Select(v => new { v.ContentItemVersionId, v.Content }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : cache.Get(row.ContentItemVersionId, row.Content);
    }

    /// <summary>The published item at an AutoroutePart path (with or without its leading slash), or, when
    /// <paramref name="culture"/> names another culture, the published translation of that item in it.</summary>
    public async Task<CachedContentItem?> GetPublishedEntryByPathAsync(string path, string? culture, CancellationToken cancellationToken = default)
    {
        var trimmed = path.Trim().Trim('/');
        var published = db.ContentItemVersions.AsNoTracking().Where(v => v.Published);
        var row = await published.Where(v => v.Path == trimmed || v.Path == "/" + trimmed)
            .Select(v => new { v.ContentItemVersionId, v.Content, v.Culture, v.LocalizationSet }).FirstOrDefaultAsync(cancellationToken);
        if (row is not null && culture is not null && !string.Equals(row.Culture, culture, StringComparison.OrdinalIgnoreCase))
        {
            row = row.LocalizationSet is null ? null : await published.Where(v => v.LocalizationSet == row.LocalizationSet && v.Culture == culture)
                .Select(v => new { v.ContentItemVersionId, v.Content, v.Culture, v.LocalizationSet }).FirstOrDefaultAsync(cancellationToken);
        }
        return row is null ? null : cache.Get(row.ContentItemVersionId, row.Content);
    }

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId)
    {
        var contents = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == contentItemId)
            .OrderBy(v => v.Id)
            .Select(v => v.Content)
            .ToListAsync();
        return contents.Select(ContentItemJsonConverter.Deserialize).ToList();
    }

    /// <summary>The most revisions of one version searched for the one a form started from: drafts saved over a draft
    /// share their version id.</summary>
    private const int MaxRevisionsSearched = 200;

    /// <summary>The item as it was when <paramref name="expected"/> was read, or null when it is no longer kept: the
    /// version itself while it is unchanged, else the revision that wrote it (a draft saved over a draft keeps its
    /// version id but not its content).</summary>
    public async Task<ContentItem?> GetAsReadAsync(string contentItemId, ExpectedVersion expected)
    {
        if ((await GetVersionsAsync(contentItemId)).FirstOrDefault(expected.IsMetBy) is { } version)
        {
            return version;
        }
        var versionIds = expected.NamedVersionIds.ToList();
        var contents = await db.Set<ContentRevisionRecord>().AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId && versionIds.Contains(r.ContentItemVersionId))
            .OrderByDescending(r => r.Id)
            .Take(MaxRevisionsSearched)
            .Select(r => r.Content)
            .ToListAsync();
        return contents.Select(ContentItemJsonConverter.Deserialize).FirstOrDefault(expected.IsMetBy);
    }

    /// <summary>The item's revisions (every save and publication), oldest first, without their JSON.</summary>
    public async Task<IReadOnlyList<ContentRevisionRecord>> GetRevisionsAsync(string contentItemId)
        => await WithoutContent(db.Set<ContentRevisionRecord>().AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId)
            .OrderBy(r => r.Id))
            .ToListAsync();

    /// <summary>How many revisions the item has.</summary>
    public Task<int> CountRevisionsAsync(string contentItemId)
        => db.Set<ContentRevisionRecord>().Where(r => r.ContentItemId == contentItemId).CountAsync();

    /// <summary>A page of the item's revisions, newest first, without their JSON.</summary>
    public async Task<IReadOnlyList<ContentRevisionRecord>> GetRevisionsNewestFirstAsync(string contentItemId, int skip, int take)
        => await WithoutContent(db.Set<ContentRevisionRecord>().AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId)
            .OrderByDescending(r => r.Id)
            .Skip(skip).Take(take))
            .ToListAsync();

    /// <summary>One revision without its JSON, with its number (1 for the oldest), or null.</summary>
    public async Task<(ContentRevisionRecord Revision, int Number)?> GetRevisionInfoAsync(string contentItemId, long revisionId)
    {
        var revisions = db.Set<ContentRevisionRecord>().AsNoTracking().Where(r => r.ContentItemId == contentItemId);
        var revision = await WithoutContent(revisions.Where(r => r.Id == revisionId)).FirstOrDefaultAsync();
        return revision is null ? null : (revision, await revisions.CountAsync(r => r.Id <= revisionId));
    }

    /// <summary>The id of the newest revision of one of the item's versions (the one holding it as it is now), or null.</summary>
    public Task<long?> GetNewestRevisionIdAsync(string contentItemId, string contentItemVersionId)
        => db.Set<ContentRevisionRecord>()
            .Where(r => r.ContentItemId == contentItemId && r.ContentItemVersionId == contentItemVersionId)
            .MaxAsync(r => (long?)r.Id);

    private static IQueryable<ContentRevisionRecord> WithoutContent(IQueryable<ContentRevisionRecord> revisions)
        => revisions.Select(r => new ContentRevisionRecord
        {
            Id = r.Id,
            ContentItemId = r.ContentItemId,
            ContentItemVersionId = r.ContentItemVersionId,
            ContentType = r.ContentType,
            Utc = r.Utc,
            UserName = r.UserName,
            Published = r.Published,
            Note = r.Note,
        });

    /// <summary>The item as one of its revisions holds it, or null.</summary>
    public async Task<ContentItem?> GetRevisionAsync(string contentItemId, long revisionId)
    {
        var content = await db.Set<ContentRevisionRecord>().AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId && r.Id == revisionId)
            .Select(r => r.Content)
            .FirstOrDefaultAsync();
        return content is null ? null : ContentItemJsonConverter.Deserialize(content);
    }

    /// <summary>Items of a type in one culture (or all cultures), published or latest, in display-text order.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListAsync(string contentType, VersionOptions options = VersionOptions.Published, string? culture = null)
    {
        var query = db.ContentItemVersions.AsNoTracking().Where(v => v.ContentType == contentType);
        query = options == VersionOptions.Published ? query.Where(v => v.Published) : query.Where(v => v.Latest);
        if (culture is not null)
        {
            query = query.Where(v => v.Culture == culture);
        }
        var contents = await query.OrderBy(v => v.DisplayText).ThenBy(v => v.Id).Select(v => v.Content).ToListAsync();
        return contents.Select(ContentItemJsonConverter.Deserialize).ToList();
    }

    Task<ContentItem?> IPublishedContent.GetPublishedAsync(string contentItemId) => GetAsync(contentItemId, VersionOptions.Published);

    Task<IReadOnlyList<ContentItem>> IPublishedContent.ListPublishedAsync(string contentType, string culture)
        => ListAsync(contentType, VersionOptions.Published, culture);

    Task<IReadOnlyList<ContentItem>> IPublishedContent.ListPublishedChildrenAsync(string listContentItemId) => ListChildrenAsync(listContentItemId);

    /// <summary>The children of a list item (published, or their latest versions), in list order.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListChildrenAsync(string listContentItemId, VersionOptions options = VersionOptions.Published)
    {
        var query = db.ContentItemVersions.AsNoTracking().Where(v => v.ListContentItemId == listContentItemId);
        query = options == VersionOptions.Published ? query.Where(v => v.Published) : query.Where(v => v.Latest);
        var contents = await query
            .OrderBy(v => v.ListOrder).ThenBy(v => v.Id)
            .Select(v => v.Content)
            .ToListAsync();
        return contents.Select(ContentItemJsonConverter.Deserialize).ToList();
    }

    /// <summary>Published items that reference <paramref name="targetContentItemId"/> through a picker or taxonomy field.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListReferencingAsync(string targetContentItemId, string? contentType = null)
    {
        var query = from r in db.ContentReferences.AsNoTracking()
                    join v in db.ContentItemVersions.AsNoTracking() on r.ContentItemVersionRecordId equals v.Id
                    where r.TargetContentItemId == targetContentItemId && v.Published
                    select v;
        if (contentType is not null)
        {
            query = query.Where(v => v.ContentType == contentType);
        }
        var contents = await query.Distinct().OrderBy(v => v.Id).Select(v => v.Content).ToListAsync();
        return contents.Select(ContentItemJsonConverter.Deserialize).ToList();
    }

    public async Task<ContentItem?> GetLatestAsync(string contentItemId)
        => _pending.TryGetValue(contentItemId, out var pending) ? pending : await GetAsync(contentItemId, VersionOptions.Latest);

    public async Task<IReadOnlyDictionary<string, string>> GetLatestContentTypesAsync(IReadOnlyCollection<string> contentItemIds)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var stored = contentItemIds.Where(id => !_pending.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (stored.Length > 0)
        {
            // One array parameter (see the storage set-up), so the command is the same for any number of ids.
            var rows = await db.ContentItemVersions.AsNoTracking()
                .Where(v => v.Latest && stored.Contains(v.ContentItemId))
                .Select(v => new { v.ContentItemId, v.ContentType })
                .ToListAsync();
            rows.ForEach(r => types[r.ContentItemId] = r.ContentType);
        }
        foreach (var id in contentItemIds)
        {
            if (_pending.TryGetValue(id, out var pending))
            {
                types[id] = pending.ContentType;
            }
        }
        return types;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountReferrersAsync(IReadOnlyCollection<string> contentItemIds, string exceptContentItemId)
    {
        var wanted = contentItemIds.Distinct(StringComparer.Ordinal).ToList();
        var pairs = await (from r in db.ContentReferences.AsNoTracking()
                           join v in db.ContentItemVersions.AsNoTracking() on r.ContentItemVersionRecordId equals v.Id
                           where wanted.Contains(r.TargetContentItemId) && r.SourceContentItemId != exceptContentItemId && (v.Latest || v.Published)
                           select new { r.TargetContentItemId, r.SourceContentItemId }).Distinct().ToListAsync();
        return pairs.GroupBy(p => p.TargetContentItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public async Task<bool> IsPathTakenAsync(string path, string exceptContentItemId)
    {
        if (_pending.Values.Any(i => i.ContentItemId != exceptContentItemId && i.Part("AutoroutePart")?["Path"]?.GetValue<string>() == path))
        {
            return true;
        }
        return await db.ContentItemVersions.AnyAsync(v => v.Path == path && (v.Latest || v.Published) && v.ContentItemId != exceptContentItemId);
    }

    /// <summary>The items of a localization set by their latest versions (deleted items are not in it), for the
    /// translation matrix (<see cref="Translations.Matrix"/>).</summary>
    public async Task<IReadOnlyList<SetMember>> GetLocalizationSetAsync(string localizationSet)
        => await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Latest && v.LocalizationSet == localizationSet && v.Culture != null)
            .OrderBy(v => v.Id)
            .Select(v => new SetMember(v.ContentItemId, v.Culture!, v.Published, v.ModifiedUtc, v.DisplayText))
            .ToListAsync();

    public async Task<bool> IsTranslationTakenAsync(string localizationSet, string culture, string exceptContentItemId)
    {
        if (_pending.Values.Any(i => i.ContentItemId != exceptContentItemId
            && i.Part("LocalizationPart") is { } l
            && l["LocalizationSet"]?.GetValue<string>() == localizationSet
            && l["Culture"]?.GetValue<string>() == culture))
        {
            return true;
        }
        return await db.ContentItemVersions.AnyAsync(v => v.LocalizationSet == localizationSet && v.Culture == culture
            && v.Latest && v.ContentItemId != exceptContentItemId);
    }
}
