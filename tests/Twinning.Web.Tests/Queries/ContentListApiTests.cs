using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Queries;

/// <summary><c>GET /api/content</c>: pages of items in Orchard's JSON with their total.</summary>
public sealed class ContentListApiTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListsThePublishedForumsOfACultureWithTheirTotal(string provider)
    {
        var app = site.App(provider);

        var response = await app.CreateClient().GetAsync("/api/content?contentType=Forum&culture=pl-PL&status=PUBLISHED&skip=0&take=20&orderBy=displayText:asc");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body!["total"]!.GetValue<int>());
        Assert.Equal(0, body["skip"]!.GetValue<int>());
        Assert.Equal(20, body["take"]!.GetValue<int>());
        Assert.Equal(
            ["Polsko-Białoruskie Forum Miast Partnerskich", "Wielojęzyczny świat – wspólny język partnerstwa", "Wizyty gości z Białorusi w miastach partnerskich"],
            body["items"].Strings("DisplayText"));
        var first = body["items"]![0]!.AsObject();
        Assert.Equal("ContentItemId", first.First().Key);
        Assert.Equal("forum", first["Forum"]!["EventType"]!["Text"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PagesFollowTheOrderAndKeepTheTotal(string provider)
    {
        var app = site.App(provider);
        var client = app.CreateClient();

        var page1 = await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=PartnerCity&orderBy=displayText:desc&take=2");
        var page2 = await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=PartnerCity&orderBy=displayText:desc&take=2&skip=2");

        Assert.Equal(["Połock", "Polotsk"], page1!["items"].Strings("DisplayText"));
        Assert.Equal(["Nowopołock", "Navapolatsk"], page2!["items"].Strings("DisplayText"));
        Assert.Equal(4, page2["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task OrdersByAFieldOfTheType()
    {
        var app = site.App(Providers.Sqlite);

        var body = await app.CreateClient().GetFromJsonAsync<JsonObject>("/api/content?contentType=Forum&culture=en-GB&orderBy=startDate:desc");

        Assert.Equal(
            ["Visits of the Belarusian guests to their partner cities", "Polish-Belarusian Forum of Partner Cities", "Multilingual world – common language of partnership"],
            body!["items"].Strings("DisplayText"));
    }

    [Theory]
    [InlineData("contentType=Nope", "contentType")]
    [InlineData("contentType=Forum&status=SOMETIMES", "status")]
    [InlineData("contentType=Forum&orderBy=colour:asc", "orderBy")]
    [InlineData("contentType=Forum&orderBy=displayText:sideways", "orderBy")]
    [InlineData("contentType=Forum&take=1001", "take")]
    [InlineData("contentType=Forum&skip=-1", "skip")]
    [InlineData("contentType=Forum&take=many", "take")]
    public async Task ABadParameterIsAValidationProblemNamingIt(string queryString, string parameter)
    {
        var app = site.App(Providers.Sqlite);

        var response = await app.CreateClient().GetAsync($"/api/content?{queryString}");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(problem!["errors"]![parameter]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DraftsNeedThePreviewPermission(string provider)
    {
        using var app = await GraphQLSite.StartAsync(provider);
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        forum.Data["TitlePart"]!["Title"] = "Forum (wersja robocza)";
        Assert.True((await app.SaveAsync(forum, publish: false)).Succeeded);
        var client = app.CreateClient();

        var anonymous = await client.GetAsync("/api/content?contentType=Forum&status=DRAFT");
        var published = await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=Forum&culture=pl-PL");
        Assert.True((await app.RunRecipeAsync(GrantAnonymous("PreviewContent"))).Succeeded);
        var drafts = await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=Forum&status=DRAFT");
        var latest = await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=Forum&status=LATEST&culture=pl-PL");
        var all = await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=Forum&status=ALL&culture=pl-PL");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("Forum (wersja robocza)", published!["items"].Strings("DisplayText"));
        Assert.Equal(["Forum (wersja robocza)"], drafts!["items"].Strings("DisplayText"));
        Assert.Equal(3, latest!["total"]!.GetValue<int>());
        Assert.Contains("Forum (wersja robocza)", latest["items"].Strings("DisplayText"));
        Assert.Equal(4, all!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CallersWithoutTheApiPermissionAreTurnedAway()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite);
        Assert.True((await app.RunRecipeAsync(RevokeAnonymous("AccessContentApi"))).Succeeded);

        var response = await app.CreateClient().GetAsync("/api/content?contentType=Forum");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static string GrantAnonymous(string permission) => Roles("Add", permission);

    internal static string RevokeAnonymous(string permission) => Roles("Remove", permission);

    private static string Roles(string behavior, string permission) => new JsonObject
    {
        ["name"] = "roles",
        ["steps"] = new JsonArray(new JsonObject
        {
            ["name"] = "Roles",
            ["Roles"] = new JsonArray(new JsonObject
            {
                ["Name"] = "Anonymous",
                ["PermissionBehavior"] = behavior,
                ["Permissions"] = new JsonArray(permission),
            }),
        }),
    }.ToJsonString();

    internal static async Task<ContentItem> DraftOfAsync(TwinningApplication app, string type, string title, string newTitle)
    {
        var item = await app.SingleAsync(type, title);
        item.Data["TitlePart"]!["Title"] = newTitle;
        Assert.True((await app.SaveAsync(item, publish: false)).Succeeded);
        return item;
    }
}
