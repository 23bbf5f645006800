using System.Net;

namespace Twinning.Module.Features.Hosting;

/// <summary>The <c>Twinning:Hosting</c> section: how the site sits on the network.</summary>
public sealed class HostingOptions
{
    public const string Section = "Twinning:Hosting";

    /// <summary>The site's public address (<c>https://twinning.gdansk.pl</c>), which every absolute link the site
    /// writes (calendars, maps, JSON-LD) starts with. Unset, links take the address each request was sent to, which
    /// suits development; set it in production, so that no link depends on a header the caller chose.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Per content type, where its pages live on the front end (<c>https://www.gdansk.pl/miasta-partnerskie/{path}</c>,
    /// with <c>{path}</c>, <c>{id}</c> and <c>{culture}</c>): the page links of calendars, maps and JSON-LD point there. A type
    /// without one links to its path under <see cref="PublicBaseUrl"/>.</summary>
    public Dictionary<string, string> FrontEndUrls { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Addresses of the reverse proxies whose <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-Host</c> headers are believed. None by default: without a configured proxy these headers are
    /// ignored, since anyone can send them. A proxy on the same machine is <c>127.0.0.1</c> (or <c>::1</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (<c>10.0.0.0/8</c>), for proxies without a fixed address.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Redirects plain HTTP requests to HTTPS. Defaults to on in the Production environment.</summary>
    public bool? HttpsRedirection { get; set; }

    /// <summary>Sends <c>Strict-Transport-Security</c> on HTTPS answers. Defaults to on in the Production environment.</summary>
    public bool? Hsts { get; set; }

    /// <summary>The configured proxies as addresses; an entry that is not an address stops start-up.</summary>
    public IEnumerable<IPAddress> ProxyAddresses()
        => KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address."));

    /// <summary>The configured proxy networks; an entry that is not CIDR notation stops start-up.</summary>
    public IEnumerable<IPNetwork> ProxyNetworks()
        => KnownNetworks.Select(n => IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8)."));
}
