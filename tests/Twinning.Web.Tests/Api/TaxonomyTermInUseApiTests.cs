using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary>The REST API refuses to remove a taxonomy's term that items use, as the admin does: one rule set.</summary>
public sealed class TaxonomyTermInUseApiTests
{
    [Fact]
    public async Task RemovingAUsedTermIsA400ProblemNamingTheTermsAndNothingIsStored()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true);
        var client = await app.CreateClientWithRolesAsync("Administrator");
        var taxonomy = await app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync("Taxonomy", VersionOptions.Latest))
            .Single(i => i.DisplayText == "Rodzaje paneli").ContentItemId);
        var stored = await (await client.GetAsync("/api/content/" + taxonomy)).JsonAsync();
        var sent = stored.DeepClone().AsObject();
        sent["TaxonomyPart"]!["Terms"]!.AsArray().RemoveAt(0);

        var response = await client.PostAsJsonAsync("/api/content", sent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.Equal("The term 'Panel samorządowy' cannot be removed: 2 items use it. Choose another term in those items first.",
            Assert.Single(errors["TaxonomyPart.Terms"]!.AsArray())!.GetValue<string>());
        Assert.Equal(stored.ToJsonString(), (await (await client.GetAsync("/api/content/" + taxonomy)).JsonAsync()).ToJsonString());

        // A term nothing uses goes.
        var unused = stored.DeepClone().AsObject();
        unused["TaxonomyPart"]!["Terms"]!.AsArray().Add(new JsonObject { ["ContentType"] = "PanelTrack", ["TitlePart"] = new JsonObject { ["Title"] = "Panel młodzieżowy" } });
        var added = await (await client.PostAsJsonAsync("/api/content", unused)).JsonAsync();
        added["TaxonomyPart"]!["Terms"]!.AsArray().RemoveAt(3);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/content", added)).StatusCode);
    }
}
