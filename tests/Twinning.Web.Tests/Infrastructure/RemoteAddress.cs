using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Sets the connection's remote address, which the in-memory test server leaves empty, as if every request
/// came from <paramref name="address"/>, or per request from the test's own <see cref="PeerHeader"/> when one is sent
/// (so that one host, and its rate limiter, sees several clients).</summary>
public sealed class RemoteAddress(IPAddress? address = null) : IStartupFilter
{
    public const string PeerHeader = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate following) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(PeerHeader, out var peer) ? IPAddress.Parse(peer.ToString()) : address;
            return following(context);
        });
        next(app);
    };

    /// <summary>A client of <paramref name="app"/> whose requests come from <paramref name="from"/>.</summary>
    public static HttpClient ClientFrom(TwinningApplication app, string from)
        => app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
                services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(from)))))
            .CreateClient(new() { AllowAutoRedirect = false });
}
