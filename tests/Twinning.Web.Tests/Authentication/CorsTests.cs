using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>CORS on /api for the origins in <c>Twinning:Cors:AllowedOrigins</c>, and for no one else.</summary>
public sealed class CorsTests
{
    private const string Allowed = "https://partnerstwo.gdansk.example";

    private static async Task<TwinningApplication> StartAsync(bool configured)
    {
        var settings = configured ? new Dictionary<string, string?> { ["Twinning:Cors:AllowedOrigins:0"] = Allowed } : null;
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, settings);
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        return app;
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/content");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    [Fact]
    public async Task APreflightFromAnAllowedOriginIsAnswered()
    {
        using var app = await StartAsync(configured: true);

        var response = await app.CreateClient().SendAsync(Preflight(Allowed));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnAllowedOriginMayReadTheETag()
    {
        using var app = await StartAsync(configured: true);
        var id = (await app.SaveAsync(Articles.New("CORS"))).Item!.ContentItemId;
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/content/{id}");
        request.Headers.Add("Origin", Allowed);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryApiAnswerVariesByOriginSoSharedCachesKeepThemApart()
    {
        using var app = await StartAsync(configured: true);
        var id = (await app.SaveAsync(Articles.New("Vary"))).Item!.ContentItemId;
        var client = app.CreateClient();
        var fromSite = new HttpRequestMessage(HttpMethod.Get, $"/api/content/{id}");
        fromSite.Headers.Add("Origin", Allowed);

        // Without Origin too: a CDN that kept this answer must not give it to a browser on the allowed origin.
        var plain = await client.GetAsync($"/api/content/{id}");
        var cors = await client.SendAsync(fromSite);
        var notModified = new HttpRequestMessage(HttpMethod.Get, $"/api/content/{id}");
        notModified.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        var revalidated = await client.SendAsync(notModified);

        foreach (var response in new[] { plain, cors, revalidated })
        {
            Assert.Contains("Origin", response.Headers.Vary);
            Assert.Contains("Authorization", response.Headers.Vary);
        }
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task OtherOriginsGetNoCorsHeaders()
    {
        using var app = await StartAsync(configured: true);

        var response = await app.CreateClient().SendAsync(Preflight("https://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task WithoutConfigurationNoOriginIsAllowed()
    {
        using var app = await StartAsync(configured: false);

        var response = await app.CreateClient().SendAsync(Preflight(Allowed));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
