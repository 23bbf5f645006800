using System.Net;
using System.Net.Sockets;

namespace Twinning.Module.Features.Webhooks;

/// <summary>
/// Where webhooks may go. A webhook's address is typed by a webmaster, and the site then sends requests to it from
/// inside its own network: to its database, a cloud provider's metadata service (169.254.169.254) or an admin
/// interface on localhost, if nothing stopped it. So, unless <see cref="WebhooksOptions.AllowPrivateNetworks"/> says
/// the receivers live inside the site's network, a webhook is only ever sent to public addresses: an address given as
/// such is refused when the subscription is saved, and a name is resolved when sending and connected to only through
/// its public addresses (checked on the address connected to, so a name that resolves differently later, or a
/// redirect, cannot lead inside).
/// </summary>
public static class WebhookNetworks
{
    /// <summary>Networks that are never the public internet (IANA's special-purpose registries): this network, private,
    /// shared (carrier-grade NAT), loopback, link-local (cloud metadata services), IETF assignments, benchmarking,
    /// multicast and reserved; IPv6 unspecified, loopback, reserved, unique-local, link-local, site-local, multicast.</summary>
    private static readonly IPNetwork[] NotPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3", "::/8", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    /// <summary>The well-known NAT64 prefix: its addresses carry an IPv4 address in their last four bytes.</summary>
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>Whether <paramref name="address"/> is reachable on the public internet: in none of
    /// <see cref="NotPublic"/>, nor one of those inside an IPv6 form (IPv4-mapped, NAT64).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }
        if (Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(address.GetAddressBytes().AsSpan(12, 4)));
        }
        return !NotPublic.Any(network => network.Contains(address));
    }

    /// <summary>Whether a receiver's address names a place that is never public: <c>localhost</c> or a non-public
    /// address written as such. Names are checked when sending (<see cref="ConnectAsync"/>).</summary>
    public static bool NamesPrivateNetwork(Uri url)
        => url.IsLoopback || url.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(url.IdnHost, out var address) && !IsPublic(address));

    /// <summary>Connects to the receiver through its public addresses only, unless private networks are allowed.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivateNetworks ? resolved : [.. resolved.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"'{host}' is not a public address ({string.Join(", ", resolved.Select(a => a.ToString()))}); "
                + $"webhooks are sent inside the site's network only when {WebhooksOptions.Section}:{nameof(WebhooksOptions.AllowPrivateNetworks)} is true.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
