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
    /// <summary>Whether <paramref name="address"/> is reachable on the public internet: not loopback, private, shared
    /// (carrier-grade NAT), link-local, unique-local, multicast, reserved or unspecified, nor one of those inside an IPv6
    /// form (IPv4-mapped, NAT64).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            // 64:ff9b::/96, the well-known NAT64 prefix, carries an IPv4 address in its last four bytes.
            if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            {
                return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
            }
            return !(IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                || bytes[0] == 0 /* ::/8, reserved */);
        }
        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 or >= 224                 // this network, private, loopback, multicast and reserved
            || (b[0] == 100 && b[1] is >= 64 and <= 127)            // shared address space (carrier-grade NAT)
            || (b[0] == 169 && b[1] == 254)                         // link-local, cloud metadata services
            || (b[0] == 172 && b[1] is >= 16 and <= 31)             // private
            || (b[0] == 192 && b[1] == 168)                         // private
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)              // IETF protocol assignments
            || (b[0] == 198 && b[1] is 18 or 19));                  // benchmarking
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
