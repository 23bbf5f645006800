using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Storage;

/// <summary>
/// Small reads that many requests repeat, kept for a moment: an answer is used again until this instance commits any
/// write (<see cref="SiteChangeToken.LocalWrites"/>), so a change made here is seen by the very next request, and for
/// at most <see cref="SiteChangeOptions.RefreshInterval"/>, within which a change made by another instance or by the
/// command line is seen. With the interval set to zero every request reads again.
/// </summary>
public sealed class RecentReads<TKey, TValue>(SiteChangeToken changes, IOptions<SiteChangeOptions> options, TimeProvider clock)
    where TKey : notnull
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    public async Task<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        // Both are taken before reading: a write committed during the read changes the count, so what was read is
        // never kept as if it were newer than that write.
        var writes = changes.LocalWrites;
        var now = clock.GetUtcNow().UtcTicks;
        if (_entries.TryGetValue(key, out var kept) && kept.Writes == writes && now - kept.Ticks < options.Value.RefreshInterval.Ticks)
        {
            return kept.Value;
        }
        var value = await read(key);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(value, writes, now);
        return value;
    }

    private sealed record Entry(TValue Value, long Writes, long Ticks);
}
