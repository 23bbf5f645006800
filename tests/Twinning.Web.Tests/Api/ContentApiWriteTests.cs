using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary><c>POST /api/content</c> and <c>DELETE /api/content/{id}</c> with real tokens, as Orchard Core answers them.</summary>
public sealed class ContentApiWriteTests
{
    private const string NewArticle = """{ "ContentType": "Article", "TitlePart": { "Title": "Forum Miast Partnerskich" }, "Article": { "Lead": { "Text": "Gdańsk, 27 kwietnia 2017." }, "Languages": { "Values": ["pl", "en"] } } }""";

    /// <summary>An app with the Article type, Anonymous reading, and an Editor role that may publish and delete.</summary>
    private static async Task<TwinningApplication> StartAsync(string provider)
    {
        var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "DeleteContent", "ViewContent");
        return app;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APostedItemIsPublishedOwnedByTheClientAndReadableByVisitors(string provider)
    {
        using var app = await StartAsync(provider);
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostItemAsync(NewArticle);
        var saved = await response.JsonAsync();
        var read = await app.CreateClient().GetAsync($"/api/content/{saved["ContentItemId"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(saved["Published"]!.GetValue<bool>());
        Assert.StartsWith("client-", saved["Owner"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Forum Miast Partnerskich", (await read.JsonAsync())["TitlePart"]!["Title"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADraftNeverReachesAnonymousReaders(string provider)
    {
        using var app = await StartAsync(provider);
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostItemAsync(NewArticle, draft: true);
        var saved = await response.JsonAsync();
        var read = await app.CreateClient().GetAsync($"/api/content/{saved["ContentItemId"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(saved["Published"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnUpdateMergesObjectsAndReplacesArrays(string provider)
    {
        using var app = await StartAsync(provider);
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var id = (await (await editor.PostItemAsync(NewArticle)).JsonAsync())["ContentItemId"]!.GetValue<string>();

        var response = await editor.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "Article": { "Languages": { "Values": ["en"] } } }""");
        var read = await (await app.CreateClient().GetAsync($"/api/content/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["en"], read["Article"]!["Languages"]!["Values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("Gdańsk, 27 kwietnia 2017.", read["Article"]!["Lead"]!["Text"]!.GetValue<string>());
        Assert.Equal("Forum Miast Partnerskich", read["TitlePart"]!["Title"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnInvalidItemIsAValidationProblemNamingTheFieldAndNothingIsWritten(string provider)
    {
        using var app = await StartAsync(provider);
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var id = (await (await editor.PostItemAsync(NewArticle)).JsonAsync())["ContentItemId"]!.GetValue<string>();

        var response = await editor.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Zmieniony" }, "Article": { "Visitors": { "Value": -5 } } }""");
        var problem = await response.JsonAsync();
        var read = await (await app.CreateClient().GetAsync($"/api/content/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(problem["errors"]!["Article.Visitors.Value"]);
        Assert.Equal("Forum Miast Partnerskich", read["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.Single(await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<TwinningDbContext>()
            .ContentItemVersions.Where(v => v.ContentItemId == id).ToList())));
    }

    [Fact]
    public async Task EachErrorCarriesItsKeyAndArgumentsBesideItsEnglishText()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostItemAsync("""{ "ContentType": "Article", "TitlePart": { "Title": "x" }, "Article": { "Lead": { "Text": "x" }, "Visitors": { "Value": -5.5 } } }""");
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""["Visitors must be at least 0.","Visitors may have at most 0 decimal places."]""", problem["errors"]!["Article.Visitors.Value"]!.ToJsonString());
        Assert.Equal(
            """[{"key":"Numeric.TooSmall","arguments":{"field":"Visitors","min":0}},{"key":"Numeric.TooManyDecimals","arguments":{"field":"Visitors","scale":0}}]""",
            problem["messages"]!["Article.Visitors.Value"]!.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownContentTypeIsAValidationProblemNamingContentType()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostItemAsync("""{ "ContentType": "Festival", "TitlePart": { "Title": "x" } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Festival", (await response.JsonAsync())["errors"]!["ContentType"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public async Task ABodyThatIsNotAContentItemIsAValidationProblemNamingTheBody(string body)
    {
        using var app = await StartAsync(Providers.Sqlite);
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostItemAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]!["body"]);
    }

    [Fact]
    public async Task ASuppliedIdForANewItemIsKept()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostItemAsync("""{ "ContentItemId": "4forumgdansk2017000000000a", "ContentType": "Article", "TitlePart": { "Title": "Z id" }, "Article": { "Lead": { "Text": "x" } } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/content/4forumgdansk2017000000000a")).StatusCode);
    }

    [Fact]
    public async Task WritingNeedsACallerAndThePermission()
    {
        using var app = await StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Reader", "AccessContentApi", "ViewContent");
        var reader = await app.CreateClientWithRolesAsync("Reader");
        var id = (await app.SaveAsync(Articles.New("Istniejący"))).Item!.ContentItemId;

        var anonymous = await app.CreateClient().PostItemAsync(NewArticle);
        var forbiddenNew = await reader.PostItemAsync(NewArticle);
        var forbiddenEdit = await reader.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Nie" } }""");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenNew.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenEdit.StatusCode);
        Assert.Equal("application/problem+json", forbiddenEdit.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(await app.ListAsync("Article", options: VersionOptions.Latest), i => i.DisplayText == "Forum Miast Partnerskich");
    }

    [Fact]
    public async Task PublishingAnEditTakesPublishContentWhileADraftTakesEditContent()
    {
        using var app = await StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Drafter", "AccessContentApi", "EditContent");
        var drafter = await app.CreateClientWithRolesAsync("Drafter");
        var id = (await app.SaveAsync(Articles.New("Opublikowany"))).Item!.ContentItemId;

        var published = await drafter.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Nowy tytuł" } }""");
        var drafted = await drafter.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Nowy tytuł" } }""", draft: true);

        Assert.Equal(HttpStatusCode.Forbidden, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, drafted.StatusCode);
    }

    [Fact]
    public async Task ADraftThatBreaksTodaysRulesIsNotPublishedAndTheProblemNamesTheField()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var id = (await app.SaveAsync(Articles.New("Szkic sprzed zmiany reguł"), publish: false)).Item!.ContentItemId;
        // Written straight to the store, as a draft saved under older rules would be.
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TwinningDbContext>();
            var draft = db.ContentItemVersions.Single(v => v.ContentItemId == id && v.Latest);
            var json = System.Text.Json.Nodes.JsonNode.Parse(draft.Content)!.AsObject();
            json["Article"]!["Visitors"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = -5 };
            draft.Content = json.ToJsonString();
            return await db.SaveChangesAsync();
        });

        var response = await editor.PostAsync($"/api/content/{id}/publish", null);
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]!["Article.Visitors.Value"]);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeleteRemovesTheItemAndReturnsIt(string provider)
    {
        using var app = await StartAsync(provider);
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var id = (await app.SaveAsync(Articles.New("Do usunięcia"))).Item!.ContentItemId;

        var response = await editor.DeleteAsync($"/api/content/{id}");
        var again = await editor.DeleteAsync($"/api/content/{id}");
        var read = await app.CreateClient().GetAsync($"/api/content/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Do usunięcia", (await response.JsonAsync())["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task DeletingNeedsACallerAndDeleteContent()
    {
        using var app = await StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Writer", "AccessContentApi", "PublishContent");
        var writer = await app.CreateClientWithRolesAsync("Writer");
        var id = (await app.SaveAsync(Articles.New("Zostaje"))).Item!.ContentItemId;

        var anonymous = await app.CreateClient().DeleteAsync($"/api/content/{id}");
        var forbidden = await writer.DeleteAsync($"/api/content/{id}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
    }

    [Fact]
    public async Task ASecurableTypeCanBeOpenedToARoleByItsOwnPermissions()
    {
        using var app = await StartAsync(Providers.Sqlite);
        Assert.True((await app.RunRecipeAsync(SecurableNotice)).Succeeded);
        await app.DefineRoleAsync("NoticeDesk", "AccessContentApi", "Publish_Notice", "Delete_Notice");
        var desk = await app.CreateClientWithRolesAsync("NoticeDesk");

        var notice = await desk.PostItemAsync("""{ "ContentType": "Notice", "TitlePart": { "Title": "Komunikat" } }""");
        var article = await desk.PostItemAsync(NewArticle);
        var noticeId = (await notice.JsonAsync())["ContentItemId"]!.GetValue<string>();
        var deleted = await desk.DeleteAsync($"/api/content/{noticeId}");

        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, article.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OwnContentPermissionsLetAClientEditOnlyWhatItCreated(string provider)
    {
        using var app = await StartAsync(provider);
        await app.DefineRoleAsync("Contributor", "AccessContentApi", "PublishOwnContent", "EditOwnContent", "DeleteOwnContent");
        var alice = await app.CreateClientWithRolesAsync("Contributor");
        var bob = await app.CreateClientWithRolesAsync("Contributor");
        var someoneElses = (await app.SaveAsync(Articles.New("Cudzy"))).Item!.ContentItemId;

        var created = await alice.PostItemAsync(NewArticle);
        var id = (await created.JsonAsync())["ContentItemId"]!.GetValue<string>();
        var ownEdit = await alice.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Poprawiony" } }""");
        var othersEdit = await bob.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Przejęty" } }""");
        var foreignEdit = await alice.PostItemAsync($$"""{ "ContentItemId": "{{someoneElses}}", "TitlePart": { "Title": "Przejęty" } }""");
        var othersDelete = await bob.DeleteAsync($"/api/content/{id}");
        var ownDelete = await alice.DeleteAsync($"/api/content/{id}");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersDelete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownDelete.StatusCode);
    }

    [Fact]
    public async Task ViewOwnContentShowsACallerOnlyItsOwnItems()
    {
        using var app = await StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Anonymous");
        await app.DefineRoleAsync("Contributor", "AccessContentApi", "PublishOwnContent", "ViewOwnContent");
        var alice = await app.CreateClientWithRolesAsync("Contributor");
        var bob = await app.CreateClientWithRolesAsync("Contributor");
        var id = (await (await alice.PostItemAsync(NewArticle)).JsonAsync())["ContentItemId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/content/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync($"/api/content/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
    }

    [Fact]
    public async Task JsonIsTheOnlyBodyAccepted()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostAsync("/api/content", new FormUrlEncodedContent(new Dictionary<string, string> { ["ContentType"] = "Article" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    internal const string SecurableNotice = """
    { "name": "notice", "steps": [ { "name": "ContentDefinition", "ContentTypes": [
      { "Name": "Notice", "DisplayName": "Notice",
        "Settings": { "ContentTypeSettings": { "Creatable": true, "Draftable": true, "Securable": true } },
        "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] } ] }
    """;
}
