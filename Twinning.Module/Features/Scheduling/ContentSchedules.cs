using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Scheduling;

/// <summary>Wakes the runner when a schedule is added in this instance.</summary>
public sealed class ScheduleSignal : WakeSignal;

/// <summary>
/// Publish later and unpublish later: an editor who may publish an item schedules either or both; each runs when it
/// falls due, as the user who scheduled it, through <see cref="ContentEditor"/> (<see cref="ContentScheduleRunner"/>).
/// An item has at most one pending publish and one pending unpublish: a new one replaces the one waiting.
/// </summary>
public sealed class ContentSchedules(TwinningDbContext db, ContentStore store, IAuthorizationService authorization, IAuditLog audit,
    ScheduleSignal signal, TimeProvider clock)
{
    /// <summary>Schedules a publish and/or an unpublish of the item at the given UTC times. The caller must be allowed
    /// to publish the item now; the times are checked by the caller (in the future, unpublish after publish).</summary>
    public async Task<ContentEditStatus> ScheduleAsync(ClaimsPrincipal user, string contentItemId, DateTime? publishUtc, DateTime? unpublishUtc)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await store.GetLatestAsync(contentItemId) is not { } item)
        {
            return ContentEditStatus.NotFound;
        }
        if (PermissionService.UserIdOf(user) is not { } userId
            || !await authorization.HasPermissionAsync(user, Permissions.PublishContent, item.ContentType, item.Owner))
        {
            return ContentEditStatus.Denied;
        }
        var userName = PermissionService.UserNameOf(user) ?? userId;
        var now = Now();
        foreach (var (action, due) in new[] { (ScheduledActions.Publish, publishUtc), (ScheduledActions.Unpublish, unpublishUtc) })
        {
            if (due is not { } at)
            {
                continue;
            }
            foreach (var replaced in await db.Set<ContentScheduleRecord>()
                .Where(s => s.ContentItemId == contentItemId && s.Action == action && s.Status == ScheduleStatuses.Pending).ToListAsync())
            {
                replaced.Status = ScheduleStatuses.Cancelled;
                replaced.CompletedUtc = now;
            }
            db.Set<ContentScheduleRecord>().Add(new ContentScheduleRecord
            {
                ContentItemId = contentItemId,
                ContentType = item.ContentType,
                Action = action,
                DueUtc = Whole(at),
                UserId = userId,
                UserName = userName,
                CreatedUtc = now,
            });
            audit.Record(AuditActions.ContentScheduled, Target(item.DisplayText, contentItemId),
                $"{action} at {Whole(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.", userName);
        }
        await db.SaveChangesAsync();
        signal.Notify();
        return ContentEditStatus.Done;
    }

    /// <summary>Cancels a pending schedule; the caller must be allowed to publish its item.</summary>
    public async Task<ContentEditStatus> CancelAsync(ClaimsPrincipal user, string contentItemId, long scheduleId)
    {
        var schedule = await db.Set<ContentScheduleRecord>()
            .FirstOrDefaultAsync(s => s.Id == scheduleId && s.ContentItemId == contentItemId && s.Status == ScheduleStatuses.Pending);
        if (schedule is null || await store.GetLatestAsync(contentItemId) is not { } item)
        {
            return ContentEditStatus.NotFound;
        }
        if (!await authorization.HasPermissionAsync(user, Permissions.PublishContent, item.ContentType, item.Owner))
        {
            return ContentEditStatus.Denied;
        }
        schedule.Status = ScheduleStatuses.Cancelled;
        schedule.CompletedUtc = Now();
        audit.Record(AuditActions.ContentScheduleCancelled, Target(item.DisplayText, contentItemId),
            $"{schedule.Action} at {schedule.DueUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.", PermissionService.UserNameOf(user));
        await db.SaveChangesAsync();
        return ContentEditStatus.Done;
    }

    /// <summary>The item's pending schedules, soonest first, and the refusals since its last carried-out or
    /// cancelled schedule, newest first (what the editor must know about).</summary>
    public async Task<IReadOnlyList<ContentScheduleRecord>> OfItemAsync(string contentItemId)
    {
        var schedules = await db.Set<ContentScheduleRecord>().AsNoTracking()
            .Where(s => s.ContentItemId == contentItemId && (s.Status == ScheduleStatuses.Pending || s.Status == ScheduleStatuses.Running || s.Status == ScheduleStatuses.Refused))
            .OrderByDescending(s => s.Id).Take(20).ToListAsync();
        return [.. schedules.Where(s => s.Status != ScheduleStatuses.Refused).OrderBy(s => s.DueUtc),
            .. schedules.Where(s => s.Status == ScheduleStatuses.Refused).Take(3)];
    }

    /// <summary>Pending schedules of the whole site, soonest first, and refusals of the last days, for the dashboard.</summary>
    public async Task<IReadOnlyList<ContentScheduleRecord>> SiteAsync(int take, TimeSpan refusedWithin)
    {
        var since = Now() - refusedWithin;
        return await db.Set<ContentScheduleRecord>().AsNoTracking()
            .Where(s => s.Status == ScheduleStatuses.Pending || s.Status == ScheduleStatuses.Running || (s.Status == ScheduleStatuses.Refused && s.CompletedUtc >= since))
            .OrderBy(s => s.DueUtc).ThenBy(s => s.Id).Take(take).ToListAsync();
    }

    /// <summary>An item as the audit log names it: its title and id.</summary>
    internal static string Target(string? title, string contentItemId) => string.IsNullOrWhiteSpace(title) ? contentItemId : $"{title} ({contentItemId})";

    private DateTime Now() => Whole(clock.GetUtcNow().UtcDateTime);

    /// <summary>Whole seconds: what an editor can type, and what both providers round-trip.</summary>
    internal static DateTime Whole(DateTime utc)
        => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
