using System.Net;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.ApiReference;

/// <summary>Front-end developers find the API described by the site itself and in the repository.</summary>
public sealed class ApiReferenceTests
{
    // Whether the committed document is current cannot be asked here: the build rewrites it before tests run.
    // .ci/run checks it with 'git diff --exit-code docs/openapi' after the build.
    [Fact]
    public async Task TheOpenApiDocumentIsServedWithTheRoutesOfTheCommittedOne()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        var client = app.CreateClient();

        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Repository.PathOf("docs", "openapi", "Twinning.Web.json")))!;

        Assert.Equal("Twinning API", served["info"]!["title"]!.GetValue<string>());
        Assert.NotNull(served["paths"]!["/api/content/{contentItemId}"]);
        Assert.Equal(
            committed["paths"]!.AsObject().Select(p => p.Key).Order(),
            served["paths"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task TheReferencePageIsServedWithoutACdn()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        var client = app.CreateClient();

        var response = await client.GetAsync("/api-reference");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
    }

}
