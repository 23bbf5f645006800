using Microsoft.Extensions.Diagnostics.HealthChecks;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Health;

/// <summary>Healthy when the database answers and setup has provisioned it.</summary>
public sealed class DatabaseHealthCheck(TwinningDbContext db, DocumentStore documents) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }
            return await documents.ExistsAsync(DocumentNames.Setup)
                ? HealthCheckResult.Healthy("The database is ready.")
                : HealthCheckResult.Unhealthy("The database has not been set up yet.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", e);
        }
    }
}
