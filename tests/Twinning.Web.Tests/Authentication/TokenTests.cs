using System.Net;
using System.Net.Http.Headers;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary><c>POST /connect/token</c>: the client credentials grant for API clients from recipes and configuration.</summary>
public sealed class TokenTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AClientFromTheRecipeGetsAnHourLongJwtCarryingItsRoles(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        await app.RegisterClientAsync("gdansk-portal", "portal-secret-0123456789", "Editor", "Translator");

        var response = await app.RequestTokenAsync("gdansk-portal", "portal-secret-0123456789");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.InRange(body["expires_in"]!.GetValue<int>(), 3590, 3600);
        var claims = ApiClients.ReadPayload(body["access_token"]!.GetValue<string>());
        Assert.Equal("gdansk-portal", claims["sub"]!.GetValue<string>());
        Assert.Equal(["Editor", "Translator"], claims["role"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AWrongSecretGetsNoTokenButAnOAuthError()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.RegisterClientAsync("gdansk-portal", "portal-secret-0123456789", "Editor");

        var response = await app.RequestTokenAsync("gdansk-portal", "not-the-secret");
        var body = await response.JsonAsync();

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
        Assert.Null(body["access_token"]);
    }

    [Fact]
    public async Task AnUnknownClientGetsNoToken()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var response = await app.RequestTokenAsync("nobody", "whatever-secret");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.Equal("invalid_client", (await response.JsonAsync())["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyTheClientCredentialsGrantIsOffered()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.RegisterClientAsync("gdansk-portal", "portal-secret-0123456789", "Editor");

        var response = await app.RequestTokenAsync("gdansk-portal", "portal-secret-0123456789", grantType: "password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.JsonAsync())["error"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AClientFromConfigurationGetsATokenThatOpensTheApi(string provider)
    {
        using var app = new TwinningApplication(provider, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Api:Clients:0:ClientId"] = "bialystok-site",
            ["Twinning:Api:Clients:0:ClientSecret"] = "configured-secret-0123456789",
            ["Twinning:Api:Clients:0:DisplayName"] = "Białystok website",
            ["Twinning:Api:Clients:0:Roles:0"] = "Editor",
        });
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent");

        var client = await app.CreateBearerClientAsync("bialystok-site", "configured-secret-0123456789");
        var response = await client.PostItemAsync("""{ "ContentType": "Article", "TitlePart": { "Title": "Z konfiguracji" }, "Article": { "Lead": { "Text": "x" } } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bialystok-site", (await response.JsonAsync())["Owner"]!.GetValue<string>());
    }

    [Fact]
    public void AConfiguredClientWithoutASecretStopsStartUp()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Api:Clients:0:ClientId"] = "no-secret",
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Twinning:Api:Clients:0:ClientSecret is required", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensStayValidAfterARestartBecauseTheSigningKeyIsStored()
    {
        var dataPath = Directory.CreateTempSubdirectory("twinning-test-").FullName;
        try
        {
            string token;
            string itemId;
            using (var first = new TwinningApplication(Providers.Sqlite, runRecipe: false, dataPath: dataPath) { GeneratesApiKeys = true })
            {
                first.CreateClient();
                Assert.True((await first.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
                await first.DefineRoleAsync("Reader", "AccessContentApi", "ViewContent");
                await first.RegisterClientAsync("reader", "reader-secret-0123456789", "Reader");
                token = await first.GetTokenAsync("reader", "reader-secret-0123456789");
                itemId = (await first.SaveAsync(Articles.New("Po restarcie"))).Item!.ContentItemId;
            }

            using var second = new TwinningApplication(Providers.Sqlite, runRecipe: false, dataPath: dataPath) { GeneratesApiKeys = true };
            var client = second.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.GetAsync($"/api/content/{itemId}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task ATokenOfAnotherSiteIsNotAccepted()
    {
        // Two sites with the same client, role and item id: only their keys differ.
        using var issuer = new TwinningApplication(Providers.Sqlite, runRecipe: false) { GeneratesApiKeys = true };
        using var other = new TwinningApplication(Providers.Sqlite, runRecipe: false) { GeneratesApiKeys = true };
        string? itemId = null;
        foreach (var site in new[] { issuer, other })
        {
            site.CreateClient();
            Assert.True((await site.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
            await site.DefineRoleAsync("Anonymous");
            await site.DefineRoleAsync("Reader", "AccessContentApi", "ViewContent");
            await site.RegisterClientAsync("reader", "reader-secret-0123456789", "Reader");
            var item = Articles.New("Na obu stronach", id: itemId);
            var saved = await site.SaveAsync(item);
            Assert.Empty(saved.Errors);
            itemId = saved.Item!.ContentItemId;
        }
        var token = await issuer.GetTokenAsync("reader", "reader-secret-0123456789");

        var atIssuer = issuer.CreateClient();
        atIssuer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var atOther = other.CreateClient();
        atOther.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await atIssuer.GetAsync($"/api/content/{itemId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await atOther.GetAsync($"/api/content/{itemId}")).StatusCode);
    }

    [Fact]
    public async Task AForgedTokenIsNotAccepted()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Anonymous");
        var itemId = (await app.SaveAsync(Articles.New("Tylko z tokenem"))).Item!.ContentItemId;
        var client = app.CreateClient();
        var header = Convert.ToBase64String("""{"alg":"none","typ":"JWT"}"""u8.ToArray()).TrimEnd('=');
        var payload = Convert.ToBase64String("""{"sub":"x","role":"Administrator"}"""u8.ToArray()).TrimEnd('=');
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"{header}.{payload}.");

        var response = await client.GetAsync($"/api/content/{itemId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A form value with an encoded NUL could not be read and failed with a server error on both databases; a
    /// client id with a NUL in the Basic credentials reached PostgreSQL, which refused it.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AClientIdWithANulIsAMalformedRequest(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var client = app.CreateClient();
        var inForm = new StringContent("grant_type=client_credentials&client_id=a%00b&client_secret=x", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("a%00b:secret"u8));
        // Longer credentials than the first check decoded, which let them through to the database.
        using var longBasic = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        longBasic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(new string('c', 1000) + "%00:secret")));

        foreach (var response in new[] { await client.PostAsync("/connect/token", inForm), await client.SendAsync(basic), await client.SendAsync(longBasic) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_request", (await response.JsonAsync())["error"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
