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
