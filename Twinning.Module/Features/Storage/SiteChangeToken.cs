using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Storage;

/// <summary>
/// A value that changes whenever anything a reader could see changes: every content write leaves an audit
/// entry and every site document carries a version, so the newest content audit id (the log's other entries, such
/// as sign-ins, change nothing a reader sees) and the sum of the document
/// versions together name the state of the site. API responses are tagged with it and cached site documents
/// are checked against it, so while nothing changed neither costs any database work.
/// </summary>
public sealed class SiteChangeToken(IServiceScopeFactory scopes, IOptions<SiteChangeOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _value;
    private long _checkedTicks;
    private long _localWrites;
    private volatile bool _stale = true;

    public void Dispose() => _refresh.Dispose();

    /// <summary>Called after this instance commits a write.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _localWrites);
        _stale = true;
    }

    /// <summary>How many writes this instance has committed: a value read before it changed may be out of date
    /// (<see cref="RecentReads{TKey, TValue}"/>).</summary>
    public long LocalWrites => Interlocked.Read(ref _localWrites);

    public async ValueTask<long> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!_stale && clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _checkedTicks) < options.Value.RefreshInterval.Ticks)
        {
            return Interlocked.Read(ref _value);
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Cleared before reading: a write committed while we read marks it stale again.
            _stale = false;
            var now = clock.GetUtcNow().UtcTicks;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
            var audit = await db.AuditEntries.Where(AuditEntryRecord.IsContent).MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
            var documents = await db.Documents.SumAsync(d => (long)d.Version, cancellationToken);
            Interlocked.Exchange(ref _value, (audit << 20) ^ documents);
            Interlocked.Exchange(ref _checkedTicks, now);
            return Interlocked.Read(ref _value);
        }
        finally
        {
            _refresh.Release();
        }
    }
}

/// <summary>How the change token reads the site state. Features/Caching binds it from <c>Twinning:HttpCaching</c>, where
/// the setting is documented with the ETags it serves.</summary>
public sealed class SiteChangeOptions
{
    /// <summary>How long this instance trusts its last look at the database when it has written nothing itself.
    /// Writes through this instance are seen at once; writes by other instances within this interval.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Tells the change token about every write this instance commits.</summary>
public sealed class SiteChangeInterceptor(SiteChangeToken token) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        token.Invalidate();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => token.Invalidate();

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        token.Invalidate();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        token.Invalidate();
        return ValueTask.FromResult(result);
    }
}
