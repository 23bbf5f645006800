using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary>No edit is lost: simultaneous saves of one item both land, a save based on an old version is refused with
/// 412, and a publish never rewrites the version that was published before.</summary>
public sealed class ContentWriteConcurrencyTests
{
    private const string NewArticle = """{ "ContentType": "Article", "TitlePart": { "Title": "Forum Miast Partnerskich" }, "Article": { "Lead": { "Text": "Gdańsk, 27 kwietnia 2017." } } }""";

    private static async Task<(TwinningApplication App, HttpClient Editor)> StartAsync(string provider)
    {
        var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "DeleteContent", "ViewContent");
        return (app, await app.CreateClientWithRolesAsync("Editor"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TwoSimultaneousSavesOfDifferentFieldsBothLandInFiftyRounds(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;
        var lost = new List<string>();
        for (var round = 0; round < 50; round++)
        {
            var id = await IdOfAsync(await editor.PostItemAsync(NewArticle));
            var saves = await Task.WhenAll(
                editor.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Tytuł {{round}}" } }""", draft: true),
                editor.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "Article": { "Lead": { "Text": "Lead {{round}}" } } }""", draft: true));
            Assert.All(saves, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));

            var latest = (await app.GetAsync(id, VersionOptions.Latest))!;
            if (latest.Text("TitlePart.Title") != $"Tytuł {round}" || latest.Text("Article.Lead.Text") != $"Lead {round}")
            {
                lost.Add($"round {round}: '{latest.Text("TitlePart.Title")}' / '{latest.Text("Article.Lead.Text")}'");
            }
        }
        Assert.Empty(lost);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASaveBasedOnAnOldVersionIsRefusedWith412NamingTheCurrentOne(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;
        var created = await editor.PostItemAsync(NewArticle);
        var id = await IdOfAsync(created);
        var first = created.Headers.ETag!.Tag;

        var second = await SendAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Pierwsza zmiana" } }""", ifMatch: first);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var current = second.Headers.ETag!.Tag;
        Assert.NotEqual(first, current);
        Assert.StartsWith($"\"{(await second.JsonAsync())["ContentItemVersionId"]}.", current, StringComparison.Ordinal);

        var stale = await SendAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Z nieaktualnej kopii" } }""", ifMatch: first);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Contains(current.Trim('"'), (await stale.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(current, stale.Headers.ETag!.Tag);
        Assert.Equal("Pierwsza zmiana", (await app.GetAsync(id, VersionOptions.Latest))!.Text("TitlePart.Title"));

        // The current version, and '*' for any version of an existing item, are accepted.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Druga zmiana" } }""", ifMatch: current)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Trzecia zmiana" } }""", ifMatch: "*")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(editor, NewArticle, ifMatch: "*")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PublishingAnEditKeepsThePreviouslyPublishedVersionAsItWas(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;
        var created = await (await editor.PostItemAsync(NewArticle)).JsonAsync();
        var id = created["ContentItemId"]!.GetValue<string>();

        var edited = await (await editor.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Nowy tytuł" } }""")).JsonAsync();

        var versions = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetVersionsAsync(id));
        Assert.Equal(2, versions.Count);
        Assert.Equal(created["ContentItemVersionId"]!.GetValue<string>(), versions[0].ContentItemVersionId);
        Assert.Equal("Forum Miast Partnerskich", versions[0].Text("TitlePart.Title"));
        Assert.False(versions[0].Published);
        Assert.Equal(edited["ContentItemVersionId"]!.GetValue<string>(), versions[1].ContentItemVersionId);
        Assert.True(versions[1].Published);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FiftySimultaneousCreatesWithOneExplicitIdMakeOneItemAndNoServerError(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;
        var id = IdGenerator.New();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            editor.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "ContentType": "Article", "TitlePart": { "Title": "Wersja {{i}}" }, "Article": { "Lead": { "Text": "Lead" } } }""")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var versions = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetVersionsAsync(id));
        Assert.Single(versions, v => v.Latest);
        Assert.Single(versions, v => v.Published);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UnpublishTakesTheItemOffTheSiteAndPublishPutsItBack(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;
        var id = await IdOfAsync(await editor.PostItemAsync(NewArticle));
        var visitor = app.CreateClient();

        var unpublished = await editor.PostAsync($"/api/content/{id}/unpublish", null);
        Assert.Equal(HttpStatusCode.OK, unpublished.StatusCode);
        Assert.False((await unpublished.JsonAsync())["Published"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/content/{id}")).StatusCode);

        var published = await editor.PostAsync($"/api/content/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/content/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync($"/api/content/{IdGenerator.New()}/publish", null)).StatusCode);
        var reader = await app.CreateClientWithRolesAsync("Anonymous");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/content/{id}/unpublish", null)).StatusCode);
    }

    [Fact]
    public async Task AnItemOfATypeThatIsNotCreatableCannotBeCreatedOnItsOwn()
    {
        var (app, editor) = await StartAsync(Providers.Sqlite);
        using var _ = app;

        var response = await editor.PostItemAsync("""{ "ContentType": "LinkItem", "LinkItem": {} }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be created on their own", (await response.JsonAsync())["errors"]!["ContentType"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Two items claiming the same address, or the same culture of one localization set, at the same moment:
    /// one is saved and the other refused with the rule's message, in every round, never both.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OfTwoSimultaneousClaimsOnOneAddressOrTranslationOnlyOneIsSaved(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;
        var doubled = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var path = $"forum-{round}";
            var addresses = await Task.WhenAll(Enumerable.Range(0, 2).Select(n => editor.PostItemAsync(
                $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Forum {{n}}" }, "AutoroutePart": { "Path": "{{path}}" }, "Article": { "Lead": { "Text": "Gdańsk" } } }""")));
            var set = $"set{round:D4}aaaaaaaaaaaaaaaa";
            var translations = await Task.WhenAll(Enumerable.Range(0, 2).Select(n => editor.PostItemAsync(
                $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Translation {{n}}" }, "LocalizationPart": { "LocalizationSet": "{{set}}", "Culture": "en-GB" }, "Article": { "Lead": { "Text": "Gdańsk" } } }""")));

            foreach (var (answers, key) in new[] { (addresses, "Autoroute.PathTaken"), (translations, "Localization.Taken") })
            {
                var codes = answers.Select(a => a.StatusCode).OrderBy(c => c).ToList();
                if (codes is not [HttpStatusCode.OK, HttpStatusCode.BadRequest])
                {
                    doubled.Add($"round {round}, {key}: {string.Join(", ", codes)} {await answers[0].Content.ReadAsStringAsync()}");
                }
                else
                {
                    Assert.Contains(key, await answers.Single(a => a.StatusCode == HttpStatusCode.BadRequest).Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }
        }
        Assert.True(doubled.Count == 0, string.Join("\n", doubled));
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["ContentItemId"]!.GetValue<string>();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADraftSavedOverTheDraftSomeoneElseSavedMeanwhileIsRefused(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;
        var created = await editor.PostAsync("/api/content?draft=true", new StringContent(NewArticle, Encoding.UTF8, "application/json"));
        var draft = await created.JsonAsync();
        var id = draft["ContentItemId"]!.GetValue<string>();
        var loaded = created.Headers.ETag!.Tag;

        // Someone else saves the draft: same version id (a draft over a draft), but a new tag.
        var meanwhile = await SendDraftAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Zmiana kogoś innego" } }""", ifMatch: loaded);
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.Equal(draft["ContentItemVersionId"]!.GetValue<string>(), (await meanwhile.JsonAsync())["ContentItemVersionId"]!.GetValue<string>());
        Assert.NotEqual(loaded, meanwhile.Headers.ETag!.Tag);

        var mine = await SendDraftAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Moja zmiana" } }""", ifMatch: loaded);

        Assert.Equal(HttpStatusCode.PreconditionFailed, mine.StatusCode);
        Assert.Equal(meanwhile.Headers.ETag!.Tag, mine.Headers.ETag!.Tag);
        Assert.Equal("Zmiana kogoś innego", (await app.GetAsync(id, VersionOptions.Latest))!.Text("TitlePart.Title"));
    }

    private static Task<HttpResponseMessage> SendDraftAsync(HttpClient client, string json, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/content?draft=true") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string json, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/content") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
