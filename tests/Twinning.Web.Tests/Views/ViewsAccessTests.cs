using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Views;

/// <summary>The views show published content only, to callers allowed to view it.</summary>
public sealed class ViewsAccessTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    private const string RemoveAnonymousViewContent =
        """{ "steps": [ { "name": "Roles", "Roles": [ { "Name": "Anonymous", "PermissionBehavior": "Remove", "Permissions": ["ViewContent"] } ] } ] }""";

    [Fact]
    public async Task WithoutViewContentAnAnonymousCallerGets401FromEveryView()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var client = app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        var contact = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");
        Assert.True((await app.RunRecipeAsync(RemoveAnonymousViewContent)).Succeeded);

        string[] urls =
        [
            "/api/twinning/forums.ics",
            $"/api/twinning/forums/{forum.ContentItemId}.ics",
            "/api/twinning/partner-cities.geojson",
            $"/api/twinning/jsonld/{forum.ContentItemId}",
            "/api/twinning/jsonld/4x0000000000000000000000zz",
            $"/api/twinning/contact-points/{contact.ContentItemId}/opening-status",
        ];
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{url}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("ViewContent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/twinning/forums/4x0000000000000000000000zz.ics")]
    [InlineData("/api/twinning/jsonld/4x0000000000000000000000zz")]
    [InlineData("/api/twinning/contact-points/4x0000000000000000000000zz/opening-status")]
    public async Task AnUnknownIdIsA404Problem(string url)
    {
        var app = site.App(Providers.Sqlite);

        var response = await app.CreateClient().GetAsync(url);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("4x0000000000000000000000zz", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContactPointIsNotAForumCalendar()
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        var contact = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");

        var response = await client.GetAsync($"/api/twinning/forums/{contact.ContentItemId}.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ADraftForumAndItsDraftChangesStayOutOfTheViews()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var client = app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        var draft = forum.Clone();
        draft.Data["TitlePart"]!["Title"] = "Tytuł roboczy";
        Assert.True((await app.SaveAsync(draft, publish: false)).Succeeded);
        var unpublished = (await app.SingleAsync("Forum", "Wielojęzyczny świat – wspólny język partnerstwa")).Clone();
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<ContentManager>().UnpublishAsync(unpublished.ContentItemId, "tester");
            return 0;
        });

        var calendar = await client.GetStringAsync("/api/twinning/forums.ics");
        var jsonLd = await client.GetAsync($"/api/twinning/jsonld/{unpublished.ContentItemId}");

        Assert.Contains("SUMMARY:Polsko-Białoruskie Forum Miast Partnerskich", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("Tytuł roboczy", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("Wielojęzyczny świat", calendar, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, jsonLd.StatusCode);
    }
}
