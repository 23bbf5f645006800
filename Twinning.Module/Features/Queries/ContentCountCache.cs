using System.Collections.Concurrent;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries;

/// <summary>
/// Totals of unfiltered lists (type, status, culture, preferred culture), kept for one state of the site
/// (<see cref="SiteChangeToken"/>). A total is a pure function of the stored versions and the query, and every
/// content write changes the site state (this instance's writes at once, on commit), so a kept total is exact: it is
/// never read under any other state. Counting the matches again on every page is what made lists of a large type
/// slow (some 20,000 index entries per request at 100,000 items). Lists with a filter are always counted.
/// </summary>
public sealed class ContentCountCache(SiteChangeToken changes)
{
    private const int MaxEntries = 4096;
    private volatile Generation _current = new(long.MinValue);

    /// <summary>The total for <paramref name="spec"/>, counted by <paramref name="count"/> unless it was counted
    /// already under the current site state.</summary>
    public async Task<int> GetAsync(ContentQuerySpec spec, bool inTransaction, Func<CancellationToken, Task<int>> count, CancellationToken cancellationToken)
    {
        // A filter may read field values (rebuilt by reindexing), and an open transaction may see writes that are
        // rolled back without changing the site state: neither is kept.
        if (spec.Filter is not null || inTransaction)
        {
            return await count(cancellationToken);
        }
        // The state is read before counting: a write committed after this point makes a new state, so a total
        // kept under this one can only be as new as the state or newer, never older.
        var state = await changes.GetAsync(cancellationToken);
        var generation = _current;
        if (generation.State != state)
        {
            generation = new Generation(state);
            _current = generation;
        }
        var key = new Key(spec.ContentType, spec.Status, spec.Culture, spec.PreferredCulture, spec.DefaultCulture, spec.Owner,
            spec.ContentTypes is null ? null : string.Join('\n', spec.ContentTypes), spec.OwnContentTypes is null ? null : string.Join('\n', spec.OwnContentTypes));
        if (generation.Totals.TryGetValue(key, out var total))
        {
            return total;
        }
        total = await count(cancellationToken);
        if (generation.Totals.Count < MaxEntries)
        {
            generation.Totals.TryAdd(key, total);
        }
        return total;
    }

    private sealed record Key(string? ContentType, PublicationStatus Status, string? Culture, string? PreferredCulture, string? DefaultCulture, string? Owner,
        string? ContentTypes, string? OwnContentTypes);

    private sealed class Generation(long state)
    {
        public long State { get; } = state;
        public ConcurrentDictionary<Key, int> Totals { get; } = new();
    }
}
