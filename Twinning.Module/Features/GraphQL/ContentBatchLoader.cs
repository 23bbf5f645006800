using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// Batches the related-item reads of one GraphQL request. A resolver asks for a key and gets a deferred result;
/// GraphQL.NET's execution strategy resolves deferred results only after every sibling has asked, so the first
/// one to be resolved reads all keys asked so far in one SQL query. Twenty forums listing their partner cities
/// cost one query for all the cities, not twenty.
/// </summary>
public sealed class ContentBatchLoader(TwinningDbContext db, ContentBatchQueries queries, ContentItemCache cache) : IDisposable
{
    private readonly Dictionary<string, Batch> _batches = new(StringComparer.Ordinal);

    // The request's DbContext runs one command at a time, and GraphQL may complete the deferred fields of one level
    // (a forum's partner cities and its panels) concurrently: their batches take turns.
    private readonly SemaphoreSlim _database = new(1, 1);

    public void Dispose() => _database.Dispose();

    /// <summary>Published items by content item id (pickers, containers, <c>contentItem</c>).</summary>
    public Deferred<IReadOnlyList<ContentItem>> Published(string contentItemId)
        => Get("published", (keys, ct) => ReadAsync(queries.Published(db, keys), ct)).Load(contentItemId);

    /// <summary>Published children of a list item, in list order.</summary>
    public Deferred<IReadOnlyList<ContentItem>> Children(string listContentItemId)
        => Get("children", (keys, ct) => ReadAsync(queries.Children(db, keys), ct)).Load(listContentItemId);

    /// <summary>Published versions of a localization set, every culture.</summary>
    public Deferred<IReadOnlyList<ContentItem>> Localizations(string localizationSet)
        => Get("localizations", (keys, ct) => ReadAsync(queries.Localizations(db, keys), ct)).Load(localizationSet);

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

    private Batch Get(string name, Func<string[], CancellationToken, Task<Dictionary<string, List<ContentItem>>>> fetch)
    {
        if (!_batches.TryGetValue(name, out var batch))
        {
            batch = new Batch(fetch, _database);
            _batches[name] = batch;
        }
        return batch;
    }

    /// <summary>The rows' items grouped by the key they answer for, in the query's order.</summary>
    private async Task<Dictionary<string, List<ContentItem>>> ReadAsync(IAsyncEnumerable<KeyedRow> rows, CancellationToken ct)
    {
        var found = new Dictionary<string, List<ContentItem>>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (!found.TryGetValue(row.Key, out var items))
            {
                items = [];
                found[row.Key] = items;
            }
            items.Add(Item(row.ContentItemVersionId, row.Content));
        }
        return found;
    }

    /// <summary>Shared parsed items: the resolvers only read them.</summary>
    private ContentItem Item(string contentItemVersionId, string content) => cache.Get(contentItemVersionId, content).Item;

    private sealed class Batch(Func<string[], CancellationToken, Task<Dictionary<string, List<ContentItem>>>> fetch, SemaphoreSlim database)
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
            await database.WaitAsync(ct);
            try
            {
                if (!_loaded.ContainsKey(key))
                {
                    string[] keys = _pending.Contains(key) ? [.. _pending] : [.. _pending, key];
                    _pending.Clear();
                    var found = await fetch(keys, ct);
                    foreach (var k in keys)
                    {
                        _loaded[k] = found.TryGetValue(k, out var items) ? items : [];
                    }
                }
                return _loaded[key];
            }
            finally
            {
                database.Release();
            }
        }
    }
}
