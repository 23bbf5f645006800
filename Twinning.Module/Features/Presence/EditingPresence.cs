using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Presence;

/// <summary>
/// Who is editing what (<see cref="EditorPresenceRecord"/>): an open editor page pings every
/// <see cref="PingInterval"/>, and the others editing the same item see "Anna has been editing this item since 10:42".
/// A notice only, never a lock: saving still checks the version the form was loaded from, and an editor who left (a
/// closed tab, a lost connection, a tab in the background) drops out after <see cref="Expiry"/> without a ping.
/// The callers check that the user may edit the item.
/// </summary>
public sealed class EditingPresence(TwinningDbContext db, TimeProvider clock)
{
    /// <summary>How often an open editor says so (the page's script reads it from the page).</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);

    /// <summary>Three missed pings: a slow request or a busy browser does not make an editor vanish and come back.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(90);

    /// <summary>Records that the user has the item's editor open now: renews their row, or starts a new stay.</summary>
    public async Task PingAsync(string contentItemId, string userId, string userName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Set<EditorPresenceRecord>();
        // Every item's expired rows go here, so the table holds only open editors without a job of its own.
        var expired = now - Expiry;
        await rows.Where(p => p.LastSeenUtc < expired).ExecuteDeleteAsync(cancellationToken);
        var renewed = await rows.Where(p => p.ContentItemId == contentItemId && p.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastSeenUtc, now).SetProperty(p => p.UserName, userName), cancellationToken);
        if (renewed > 0)
        {
            return;
        }
        rows.Add(new EditorPresenceRecord { ContentItemId = contentItemId, UserId = userId, UserName = userName, SinceUtc = now, LastSeenUtc = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // The same editor's other tab, on this instance or another, started the stay at the same moment: it counts.
            // Anything else is a real failure.
            if (!await rows.AnyAsync(p => p.ContentItemId == contentItemId && p.UserId == userId, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>The editors other than <paramref name="userId"/> who have the item's editor open, longest there first.</summary>
    public async Task<IReadOnlyList<EditorPresenceRecord>> OthersAsync(string contentItemId, string? userId, CancellationToken cancellationToken = default)
    {
        var expired = clock.GetUtcNow().UtcDateTime - Expiry;
        return await db.Set<EditorPresenceRecord>().AsNoTracking()
            .Where(p => p.ContentItemId == contentItemId && p.UserId != userId && p.LastSeenUtc >= expired)
            .OrderBy(p => p.SinceUtc).ThenBy(p => p.UserName).ToListAsync(cancellationToken);
    }
}

public static class PresenceServiceCollectionExtensions
{
    /// <summary>Who is editing which item (<see cref="EditingPresence"/>), shown on the item's editor.</summary>
    public static IServiceCollection AddTwinningPresence(this IServiceCollection services) => services.AddScoped<EditingPresence>();
}
