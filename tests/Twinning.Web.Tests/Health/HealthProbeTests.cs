using System.Net;
using Microsoft.Data.Sqlite;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Health;

/// <summary>The probes a supervisor or load balancer polls: liveness says the process serves requests, readiness says
/// the site can serve content.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task WhenTheDatabaseLosesTheSiteItIsNotReadyButStillAlive()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // The database file replaced by an empty one, as after a botched restore.
        SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(app.DataPath, "twinning.db"));

        var ready = await client.GetAsync("/health/ready");
        var legacy = await client.GetAsync("/health");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, legacy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }
}
