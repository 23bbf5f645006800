using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Telemetry;

/// <summary>Prometheus metrics: off unless configured, then readable from the allowed networks only.</summary>
public sealed class MetricsTests
{
    private static TwinningApplication WithMetrics() => new(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
    {
        ["Twinning:Telemetry:Prometheus"] = "true",
    });

    [Fact]
    public async Task WithoutConfigurationThereAreNoMetrics()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        var client = RemoteAddress.ClientFrom(app, "127.0.0.1");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task APrometheusOnTheSameMachineReadsRequestAndDatabaseMetrics()
    {
        using var app = WithMetrics();
        var client = RemoteAddress.ClientFrom(app, "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var metrics = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/health/ready\"", text, StringComparison.Ordinal);
        // EF Core's own meter: the readiness check ran queries.
        Assert.Contains("microsoft_entityframeworkcore_queries", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyoneElseIsToldThereAreNone()
    {
        using var app = WithMetrics();
        var client = RemoteAddress.ClientFrom(app, "198.51.100.7");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }
}
