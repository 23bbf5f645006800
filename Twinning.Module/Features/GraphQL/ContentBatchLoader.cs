using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// Batches the related-item reads of one GraphQL request. A resolver asks for a key and gets a deferred result;
/// GraphQL.NET's execution strategy resolves deferred results only after every sibling has asked, so the first
/// one to be resolved reads all keys asked so far in one SQL query. Twenty forums listing their partner cities
/// cost one query for all the cities, not twenty.
/// </summary>
public sealed class ContentBatchLoader(TwinningDbContext db, ContentItemCache cache)
{
    private readonly Dictionary<string, Batch> _batches = new(StringComparer.Ordinal);

    /// <summary>Published items by content item id (pickers, containers, <c>contentItem</c>).</summary>
    public Deferred<IReadOnlyList<ContentItem>> Published(string contentItemId)
        => Get("published", async (keys, ct) => Group(await Read(db.ContentItemVersions.Where(v => v.Published && keys.Contains(v.ContentItemId)), ct), i => i.ContentItemId))
            .Load(contentItemId);

    /// <summary>Published children of a list item, in list order.</summary>
    public Deferred<IReadOnlyList<ContentItem>> Children(string listContentItemId)
        => Get("children", async (keys, ct) =>
        {
            var rows = await db.ContentItemVersions.AsNoTracking()
                .Where(v => v.Published && v.ListContentItemId != null && keys.Contains(v.ListContentItemId))
                .OrderBy(v => v.ListOrder).ThenBy(v => v.Id)
                .Select(v => new { v.ListContentItemId, v.ContentItemVersionId, v.Content }).ToListAsync(ct);
            return rows.GroupBy(r => r.ListContentItemId!).ToDictionary(g => g.Key, g => g.Select(r => Item(r.ContentItemVersionId, r.Content)).ToList());
        }).Load(listContentItemId);

    /// <summary>Published versions of a localization set, every culture.</summary>
    public Deferred<IReadOnlyList<ContentItem>> Localizations(string localizationSet)
        => Get("localizations", async (keys, ct) =>
        {
            var rows = await db.ContentItemVersions.AsNoTracking()
                .Where(v => v.Published && v.LocalizationSet != null && keys.Contains(v.LocalizationSet))
                .OrderBy(v => v.Id).Select(v => new { v.LocalizationSet, v.ContentItemVersionId, v.Content }).ToListAsync(ct);
            return rows.GroupBy(r => r.LocalizationSet!).ToDictionary(g => g.Key, g => g.Select(r => Item(r.ContentItemVersionId, r.Content)).ToList());
        }).Load(localizationSet);

    /// <summary>Published items whose pickers or taxonomy fields refer to the item, optionally of one type.</summary>
    public Deferred<IReadOnlyList<ContentItem>> Referencing(string targetContentItemId, string? contentType)
        => Get("referencing:" + contentType, async (keys, ct) =>
        {
            var query = from r in db.ContentReferences.AsNoTracking()
                        join v in db.ContentItemVersions.AsNoTracking() on r.ContentItemVersionRecordId equals v.Id
                        where v.Published && keys.Contains(r.TargetContentItemId)
                        select new { r.TargetContentItemId, v.Id, v.ContentType, v.ContentItemVersionId, v.Content };
            if (contentType is not null)
            {
                query = query.Where(r => r.ContentType == contentType);
            }
            var rows = await query.Distinct().OrderBy(r => r.Id).ToListAsync(ct);
            return rows.GroupBy(r => r.TargetContentItemId).ToDictionary(g => g.Key, g => g.Select(r => Item(r.ContentItemVersionId, r.Content)).ToList());
        }).Load(targetContentItemId);

    private Batch Get(string name, Func<List<string>, CancellationToken, Task<Dictionary<string, List<ContentItem>>>> fetch)
    {
        if (!_batches.TryGetValue(name, out var batch))
        {
            batch = new Batch(fetch);
            _batches[name] = batch;
        }
        return batch;
    }

    private async Task<List<ContentItem>> Read(IQueryable<ContentItemVersionRecord> query, CancellationToken ct)
        => (await query.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.ContentItemVersionId, v.Content }).ToListAsync(ct))
            .Select(r => Item(r.ContentItemVersionId, r.Content)).ToList();

    /// <summary>Shared parsed items: the resolvers only read them.</summary>
    private ContentItem Item(string contentItemVersionId, string content) => cache.Get(contentItemVersionId, content).Item;

    private static Dictionary<string, List<ContentItem>> Group(List<ContentItem> items, Func<ContentItem, string> key)
        => items.GroupBy(key).ToDictionary(g => g.Key, g => g.ToList());

    private sealed class Batch(Func<List<string>, CancellationToken, Task<Dictionary<string, List<ContentItem>>>> fetch)
    {
        private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<ContentItem>> _loaded = new(StringComparer.Ordinal);

        public Deferred<IReadOnlyList<ContentItem>> Load(string key)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
            return new Deferred<IReadOnlyList<ContentItem>>(ct => GetAsync(key, ct));
        }

        private async Task<IReadOnlyList<ContentItem>> GetAsync(string key, CancellationToken ct)
        {
            if (!_loaded.ContainsKey(key))
            {
                var keys = _pending.ToList();
                _pending.Clear();
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
                var found = await fetch(keys, ct);
                foreach (var k in keys)
                {
                    _loaded[k] = found.TryGetValue(k, out var items) ? items : [];
                }
            }
            return _loaded[key];
        }
    }
}

/// <summary>A value GraphQL.NET resolves after the other fields of the level have asked for theirs.</summary>
public sealed class Deferred<T>(Func<CancellationToken, Task<T>> get) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => get(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await get(cancellationToken);

    /// <summary>A deferred result computed from this one once it is loaded.</summary>
    public Deferred<TResult> Then<TResult>(Func<T, Task<TResult>> map)
        => new(async ct => await map(await get(ct)));
}
