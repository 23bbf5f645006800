using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Caching;

/// <summary>The parsed-item cache behind the read APIs: every change of a version, even one that keeps its version id,
/// is seen by the next read, and a draft never reaches an anonymous caller.</summary>
public sealed class ContentItemCacheTests
{
    private const string AnonymousMayQuery = """
        { "steps": [ { "name": "Roles", "Roles": [ { "Name": "Anonymous", "Description": "Visitors",
          "Permissions": ["ViewContent", "AccessContentApi", "ExecuteGraphQL"] } ] } ] }
        """;

    /// <summary>The articles site, anonymous visitors allowed to read and query, and a client that asks past the
    /// response cache, so every read is built from the database and the read caches.</summary>
    internal static async Task<(TwinningApplication App, HttpClient Client)> StartUncachedAsync(string provider)
    {
        var app = await Articles.StartAsync(provider);
        Assert.True((await app.RunRecipeAsync(AnonymousMayQuery)).Succeeded);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cache-Control", "no-cache");
        return (app, client);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryReadSeesTheCurrentPublishedVersionAndNeverADraft(string provider)
    {
        var (app, client) = await StartUncachedAsync(provider);
        using var _ = app;
        var item = (await app.SaveAsync(Articles.New("Rada Miasta"))).Item!;
        var id = item.ContentItemId;
        await AssertSeenAsync(app, client, id, "Rada Miasta");

        var draft = item.Clone();
        draft.GetOrCreatePart("TitlePart")["Title"] = "Rada Miasta (draft)";
        Assert.True((await app.SaveAsync(draft, publish: false)).Succeeded);
        await AssertSeenAsync(app, client, id, "Rada Miasta");

        var published = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(id, "tester"));
        await AssertSeenAsync(app, client, id, "Rada Miasta (draft)");

        Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(id, "tester")));
        await AssertSeenAsync(app, client, id, null);

        // The unpublished version is edited in place: same version id, new JSON, then published again.
        var edit = published!.Clone();
        edit.GetOrCreatePart("TitlePart")["Title"] = "Rada Miasta 2027";
        var saved = (await app.SaveAsync(edit, publish: false)).Item!;
        Assert.Equal(published.ContentItemVersionId, saved.ContentItemVersionId);
        await AssertSeenAsync(app, client, id, null);
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(id, "tester"));
        await AssertSeenAsync(app, client, id, "Rada Miasta 2027");
    }

    /// <summary>REST item, REST list and GraphQL all show <paramref name="title"/> as the published item, or no item.</summary>
    private static async Task AssertSeenAsync(TwinningApplication app, HttpClient client, string id, string? title)
    {
        var single = await client.GetAsync($"/api/content/{id}");
        if (title is null)
        {
            Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
        }
        else
        {
            var json = (await single.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(title, json["DisplayText"]!.GetValue<string>());
            Assert.True(json["Published"]!.GetValue<bool>());
        }

        var list = (await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=Article"))!;
        var listed = list["items"]!.AsArray().Where(i => i!["ContentItemId"]!.GetValue<string>() == id).ToList();
        Assert.Equal(title is null ? [] : [title], listed.Select(i => i!["DisplayText"]!.GetValue<string>()));
        Assert.All(listed, i => Assert.True(i!["Published"]!.GetValue<bool>()));

        var graphql = await client.GetFromJsonAsync<JsonObject>(
            "/api/graphql?query=" + Uri.EscapeDataString("{ article { contentItemId displayText published } }"));
        Assert.Null(graphql!["errors"]);
        var found = graphql["data"]!["article"]!.AsArray().Where(i => i!["contentItemId"]!.GetValue<string>() == id).ToList();
        Assert.Equal(title is null ? [] : [title], found.Select(i => i!["displayText"]!.GetValue<string>()));
        Assert.All(found, i => Assert.True(i!["published"]!.GetValue<bool>()));
    }
}
