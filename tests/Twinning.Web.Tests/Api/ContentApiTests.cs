using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary><c>GET /api/content/{id}</c> answers as Orchard Core's content API does.</summary>
public sealed class ContentApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APublishedItemComesBackInOrchardsShape(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var saved = (await app.SaveAsync(Articles.New("Полацк і Гданьск", "Partnerstwo od 2008 roku."))).Item!;

        var response = await app.CreateClient().GetAsync($"/api/content/{saved.ContentItemId}");
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author"],
            json.Select(p => p.Key).Take(11));
        Assert.Equal("Partnerstwo od 2008 roku.", json["Article"]!["Lead"]!["Text"]!.GetValue<string>());
        Assert.Contains("Полацк і Гданьск", text, StringComparison.Ordinal);
        Assert.EndsWith("Z", json["PublishedUtc"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownItemIsA404ProblemDetails()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var response = await app.CreateClient().GetAsync("/api/content/4x0000000000000000000000zz");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnonymousCallersNeedTheReadPermissions()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        app.CreateClient();
        // The Article type without the Roles step: Anonymous holds no permission.
        var definitionsOnly = JsonNode.Parse(TestRecipes.Articles)!.AsObject();
        definitionsOnly["steps"]!.AsArray().RemoveAt(2);
        Assert.True((await app.RunRecipeAsync(definitionsOnly.ToJsonString())).Succeeded);
        var saved = (await app.SaveAsync(Articles.New("Tylko dla zalogowanych"))).Item!;

        var response = await app.CreateClient().GetAsync($"/api/content/{saved.ContentItemId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
