using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Audit;

/// <summary>Deletes the audit entries older than <see cref="AuditOptions.RetentionDays"/>, at start and then
/// periodically. Several instances sharing a database may all do it: the deletes do not conflict.</summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider clock,
    ILogger<AuditRetention> logger) : BackgroundService
{
    /// <summary>Deletes the entries older than the retention period; returns how many.</summary>
    public static async Task<int> TrimAsync(TwinningDbContext db, int retentionDays, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        if (retentionDays <= 0)
        {
            return 0;
        }
        var cutoff = utcNow.AddDays(-retentionDays);
        return await db.AuditEntries.Where(a => a.Utc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await TrimAsync(scope.ServiceProvider.GetRequiredService<TwinningDbContext>(), options.Value.RetentionDays,
                    clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} audit entries older than {Days} days.", deleted, options.Value.RetentionDays);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not delete the old audit entries; trying again later.");
            }
            try
            {
                await Task.Delay(options.Value.TrimInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
