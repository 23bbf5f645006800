using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Scheduling;

/// <summary>
/// Carries out due schedules (<see cref="ContentScheduleRecord"/>): at start-up every schedule whose time passed
/// while the site was down, then each as it falls due. A schedule is claimed by a conditional UPDATE of its own row,
/// so instances sharing a database never carry one out at the same time; a claim whose instance stopped before finishing
/// is taken over after <see cref="ClaimTimeout"/>. It runs as the user who scheduled it, through
/// <see cref="ContentEditor"/>, so permissions, the audit log, webhooks and the item's history are those of a
/// publish from the admin; a user who may no longer publish, or no longer exists, is refused and the reason kept.
/// </summary>
public sealed class ContentScheduleRunner(
    IServiceScopeFactory scopes,
    ScheduleSignal signal,
    IOptions<SchedulingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ContentScheduleRunner> logger) : BackgroundService
{
    /// <summary>The authentication type of the identity a schedule runs as.</summary>
    public const string AuthenticationType = "Twinning.Schedule";

    private const int BatchSize = 20;

    /// <summary>How long a claimed schedule may stay unfinished before another pass takes it over (its instance stopped
    /// while carrying it out).</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => lifetime.RunPassesAsync(signal, clock, () => options.Value.PollInterval, RunDueAsync, logger, "Running scheduled publishing", stoppingToken);

    /// <summary>Carries out every due schedule; returns how long to wait before looking again.</summary>
    internal async Task<TimeSpan> RunDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var schedules = scope.ServiceProvider.GetRequiredService<TwinningDbContext>().Set<ContentScheduleRecord>();
            var now = clock.GetUtcNow().UtcDateTime;
            var abandoned = now - ClaimTimeout;
            var due = await schedules.AsNoTracking()
                .Where(s => (s.Status == ScheduleStatuses.Pending && s.DueUtc <= now) || (s.Status == ScheduleStatuses.Running && s.ClaimedUtc < abandoned))
                .OrderBy(s => s.DueUtc).ThenBy(s => s.Id).Select(s => s.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                var next = await schedules.Where(s => s.Status == ScheduleStatuses.Pending).OrderBy(s => s.DueUtc)
                    .Select(s => (DateTime?)s.DueUtc).FirstOrDefaultAsync(cancellationToken);
                var poll = options.Value.PollInterval;
                return next is { } at && at - now < poll ? (at - now < TimeSpan.Zero ? TimeSpan.Zero : at - now) : poll;
            }
            foreach (var id in due)
            {
                // Of two instances racing for the row, the database lets exactly one UPDATE match.
                var claimed = await schedules
                    .Where(s => s.Id == id && ((s.Status == ScheduleStatuses.Pending && s.DueUtc <= now) || (s.Status == ScheduleStatuses.Running && s.ClaimedUtc < abandoned)))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleStatuses.Running).SetProperty(r => r.ClaimedUtc, now), cancellationToken);
                if (claimed == 1)
                {
                    await RunAsync(id, cancellationToken);
                }
            }
        }
    }

    private async Task RunAsync(long id, CancellationToken cancellationToken)
    {
        // A scope of its own: the content events and the audit entries of this schedule, and nothing else.
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TwinningDbContext>();
        var schedule = await db.Set<ContentScheduleRecord>().FirstAsync(s => s.Id == id, cancellationToken);
        try
        {
            var user = await services.GetRequiredService<UserService>().FindByIdAsync(schedule.UserId);
            if (user is null || user.Disabled)
            {
                Refuse(services, schedule, ScheduleProblems.UserGone);
            }
            else
            {
                var principal = PrincipalOf(user);
                var editor = services.GetRequiredService<ContentEditor>();
                var result = schedule.Action == ScheduledActions.Unpublish
                    ? await editor.UnpublishAsync(principal, schedule.ContentItemId)
                    : await editor.PublishAsync(principal, schedule.ContentItemId);
                switch (result.Status)
                {
                    case ContentEditStatus.Done:
                        schedule.Status = ScheduleStatuses.Done;
                        break;
                    case ContentEditStatus.Denied:
                        Refuse(services, schedule, ScheduleProblems.Denied, permission: result.Permission);
                        break;
                    case ContentEditStatus.Invalid:
                        Refuse(services, schedule, ScheduleProblems.Invalid, detail: string.Join(" ", result.Errors.Select(e => e.Message)));
                        break;
                    default:
                        // Deleted meanwhile: dropped. An unpublish of an item not on the site has nothing to do.
                        if (await services.GetRequiredService<ContentStore>().GetLatestAsync(schedule.ContentItemId) is null)
                        {
                            schedule.Status = ScheduleStatuses.Dropped;
                        }
                        else
                        {
                            Refuse(services, schedule, ScheduleProblems.Nothing);
                        }
                        break;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The scheduled {Action} of {ContentItemId} failed.", schedule.Action, schedule.ContentItemId);
            Refuse(services, schedule, ScheduleProblems.Error, detail: e.Message);
        }
        schedule.CompletedUtc = ContentSchedules.Whole(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Scheduled {Action} of {ContentItemId} by {UserName}: {Status} {Problem}", schedule.Action, schedule.ContentItemId,
            schedule.UserName, schedule.Status, schedule.Problem);
    }

    private static void Refuse(IServiceProvider services, ContentScheduleRecord schedule, string problem, string? permission = null, string? detail = null)
    {
        schedule.Status = ScheduleStatuses.Refused;
        schedule.Problem = problem;
        schedule.Permission = permission;
        schedule.Detail = detail is { Length: > ContentScheduleRecord.DetailLength } ? detail[..ContentScheduleRecord.DetailLength] : detail;
        services.GetRequiredService<IAuditLog>().Record(AuditActions.ContentScheduleRefused, schedule.ContentItemId,
            $"{schedule.Action}: {problem}{(permission is null ? "" : " (" + permission + ")")}.", userName: schedule.UserName);
    }

    /// <summary>The user as their sign-in cookie names them: id, name and roles, which is what permissions are decided on.</summary>
    private static ClaimsPrincipal PrincipalOf(UserRecord user)
    {
        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.RoleName));
        }
        return new ClaimsPrincipal(identity);
    }
}
