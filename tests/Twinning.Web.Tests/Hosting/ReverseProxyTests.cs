using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Hosting;

/// <summary>Behind a reverse proxy: forwarded headers count only when a configured proxy sends them, and HTTPS is
/// enforced (redirect and HSTS) for what the proxy vouches is plain HTTP.</summary>
public sealed class ReverseProxyTests
{
    // Documentation addresses (RFC 5737): in-process remote addresses only, nothing is sent to them.
    private const string Proxy = "192.0.2.10";
    private const string Stranger = "198.51.100.7";

    private static TwinningApplication Start() => new(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
    {
        ["Twinning:Hosting:KnownProxies:0"] = Proxy,
        ["Twinning:Hosting:HttpsRedirection"] = "true",
        ["Twinning:Hosting:Hsts"] = "true",
        ["https_port"] = "443",
    });

    [Fact]
    public async Task HttpsForwardedByTheConfiguredProxyIsServedWithHsts()
    {
        using var app = Start();
        var response = await SendAsync(app, from: Proxy, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeadersFromAnyoneElseAreIgnored()
    {
        using var app = Start();
        var response = await SendAsync(app, from: Stranger, forwardedProto: "https");

        // Still plain HTTP as far as the site is concerned: redirected to HTTPS, no HSTS on a plain answer.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://twinning.example.pl/health", response.Headers.Location!.ToString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task PlainHttpFromTheProxyIsRedirectedToHttps()
    {
        using var app = Start();
        var response = await SendAsync(app, from: Proxy, forwardedProto: "http");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://twinning.example.pl/health", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task WithoutConfigurationNothingIsRedirectedOutsideProduction()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>GET /health as if it came from <paramref name="from"/>, with the headers a proxy adds.</summary>
    private static async Task<HttpResponseMessage> SendAsync(TwinningApplication app, string from, string forwardedProto)
    {
        var client = RemoteAddress.ClientFrom(app, from);
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "twinning.example.pl";
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        return await client.SendAsync(request);
    }
}
