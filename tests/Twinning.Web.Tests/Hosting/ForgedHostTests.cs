using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Hosting;

/// <summary>Absolute links never come from a header the caller chose for someone else: a forged <c>Host</c> gets its
/// own kept answers, and with a configured public address it is not used at all.</summary>
public sealed class ForgedHostTests
{
    private const string Forged = "evil.example";

    private static async Task<string[]> LinkingPathsAsync(TwinningApplication app)
    {
        app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        return [$"/api/twinning/jsonld/{forum.ContentItemId}", "/api/twinning/forums.ics", "/api/twinning/partner-cities.geojson"];
    }

    [Fact]
    public async Task AnswersToAForgedHostNeverReachAnotherVisitor()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var client = app.CreateClient();

        foreach (var path in await LinkingPathsAsync(app))
        {
            // Twice, so that the forged answer is the one the server keeps.
            var forged = await SendAsync(client, path, Forged);
            forged = await SendAsync(client, path, Forged);
            var visitor = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
            Assert.Contains(Forged, await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var body = await visitor.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Forged, body, StringComparison.Ordinal);
            Assert.Contains("http://localhost/", body, StringComparison.Ordinal);
            Assert.NotEqual(forged.Headers.ETag, visitor.Headers.ETag);
        }
    }

    [Fact]
    public async Task WithAPublicAddressEveryLinkStartsWithItWhateverTheHost()
    {
        using var app = new TwinningApplication(Providers.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Twinning:Hosting:PublicBaseUrl"] = "https://twinning.gdansk.pl/",
        });
        var client = app.CreateClient();

        foreach (var path in await LinkingPathsAsync(app))
        {
            var forged = await SendAsync(client, path, Forged);
            var body = await forged.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.DoesNotContain(Forged, body, StringComparison.Ordinal);
            Assert.Contains("https://twinning.gdansk.pl/", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APublicAddressThatIsNotAnAbsoluteWebAddressStopsTheStart()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Hosting:PublicBaseUrl"] = "ftp://twinning.gdansk.pl",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("PublicBaseUrl", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return client.SendAsync(request);
    }
}
