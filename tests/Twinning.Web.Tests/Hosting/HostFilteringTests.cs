using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Hosting;

/// <summary>In production, requests for any host but the site's own (from <c>Twinning:Hosting:PublicBaseUrl</c>, or
/// the configured <c>AllowedHosts</c>) are refused before they reach the site.</summary>
public sealed class HostFilteringTests
{
    private static TwinningApplication Production(Dictionary<string, string?> settings)
        => new(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>(settings)
        {
            ["environment"] = "Production",
            ["Twinning:Hosting:HttpsRedirection"] = "false",
            ["Twinning:Hosting:Hsts"] = "false",
        });

    private static async Task<HttpStatusCode> GetAsync(TwinningApplication app, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task AForgedHostIsRefusedInProductionAndThePublicOneServed()
    {
        using var app = Production(new() { ["Twinning:Hosting:PublicBaseUrl"] = "https://twinning.example.pl" });

        Assert.Equal(HttpStatusCode.BadRequest, await GetAsync(app, "evil.example"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(app, "twinning.example.pl"));
        // Health checks on the machine itself.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(app, "localhost:5000"));
    }

    [Fact]
    public async Task ConfiguredAllowedHostsTakePrecedence()
    {
        using var app = Production(new()
        {
            ["Twinning:Hosting:PublicBaseUrl"] = "https://twinning.example.pl",
            ["AllowedHosts"] = "cms.example.pl",
        });

        Assert.Equal(HttpStatusCode.OK, await GetAsync(app, "cms.example.pl"));
        Assert.Equal(HttpStatusCode.BadRequest, await GetAsync(app, "twinning.example.pl"));
    }

    [Fact]
    public async Task OutsideProductionAnyHostIsServed()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Hosting:PublicBaseUrl"] = "https://twinning.example.pl",
        });

        Assert.Equal(HttpStatusCode.OK, await GetAsync(app, "evil.example"));
    }
}
