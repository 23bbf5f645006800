using System.Net;

namespace Twinning.Module.Features.Telemetry;

/// <summary>The <c>Twinning:Telemetry</c> section: metrics for a Prometheus server to scrape.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Twinning:Telemetry";

    /// <summary>Serves metrics at <see cref="MetricsPath"/>. Off by default: metrics describe the site's traffic and
    /// load, which is nobody's business until a webmaster decides who may read them.</summary>
    public bool Prometheus { get; set; }

    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Who may read the metrics, in CIDR notation. Loopback only by default (a Prometheus server or agent on
    /// the same machine); anyone else gets 404, as if there were no metrics. The address is the connection's, or the
    /// client's as a configured proxy vouches (<c>Twinning:Hosting:KnownProxies</c>).</summary>
    public List<string> MetricsAllowedNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

    public IReadOnlyList<IPNetwork> AllowedNetworks()
        => MetricsAllowedNetworks.Select(n => IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:MetricsAllowedNetworks: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8).")).ToList();
}
