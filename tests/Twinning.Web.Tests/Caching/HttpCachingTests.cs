using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;
using Twinning.Web.Tests.Queries;

namespace Twinning.Web.Tests.Caching;

/// <summary>Reads carry an ETag and Cache-Control; a current tag gets 304; a change makes old tags stale at once.</summary>
public sealed class HttpCachingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARevalidationWithACurrentTagGets304AndAPublishedChangeAFreshCopy(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var client = app.CreateClient();
        var item = (await app.SaveAsync(Articles.New("Forum 2017"))).Item!;
        var url = $"/api/content/{item.ContentItemId}";

        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());

        var revalidated = await Send(client, url, etag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);

        var edit = item.Clone();
        edit.GetOrCreatePart("TitlePart")["Title"] = "Forum 2017 (programme)";
        Assert.True((await app.SaveAsync(edit)).Succeeded);

        var changed = await Send(client, url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal("Forum 2017 (programme)", (await changed.Content.ReadFromJsonAsync<JsonObject>())!["DisplayText"]!.GetValue<string>());
    }

    [Fact]
    public async Task DifferentResourcesHaveDifferentTagsAndErrorsHaveNone()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var client = app.CreateClient();
        var one = (await app.SaveAsync(Articles.New("Jeden"))).Item!;
        var two = (await app.SaveAsync(Articles.New("Dwa"))).Item!;

        var tagOne = (await client.GetAsync($"/api/content/{one.ContentItemId}")).Headers.ETag;
        var tagTwo = (await client.GetAsync($"/api/content/{two.ContentItemId}")).Headers.ETag;
        var missing = await client.GetAsync("/api/content/nosuchitem0000000000000000");

        Assert.NotEqual(tagOne, tagTwo);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, $"/api/content/{two.ContentItemId}", tagOne!)).StatusCode);
        Assert.Null(missing.Headers.ETag);
        Assert.Null((await client.GetAsync("/health")).Headers.ETag);
    }

    [Fact]
    public async Task TheSameAnonymousReadIsAnsweredFromMemoryUntilTheSiteChanges()
    {
        using var counter = new GraphQLSqlCounter();
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var client = app.CreateClient();
        var item = (await app.SaveAsync(Articles.New("Dni Miasta"))).Item!;
        var url = $"/api/content/{item.ContentItemId}";
        var first = await client.GetStringAsync(url);

        counter.Watch(app.DataPath);
        var again = await client.GetStringAsync(url);
        Assert.Equal(first, again);
        // At most the change token's own look at the site state, never the content.
        Assert.DoesNotContain(counter.Commands, sql => sql.Contains("\"ContentItemVersions\"", StringComparison.Ordinal));

        var edit = item.Clone();
        edit.GetOrCreatePart("TitlePart")["Title"] = "Dni Miasta 2027";
        Assert.True((await app.SaveAsync(edit)).Succeeded);
        // The counter does see this database's commands: the check above cannot pass for want of listening.
        Assert.Contains(counter.Commands, sql => sql.Contains("\"ContentItemVersions\"", StringComparison.Ordinal));
        var changed = await client.GetFromJsonAsync<JsonObject>(url);
        Assert.Equal("Dni Miasta 2027", changed!["DisplayText"]!.GetValue<string>());
    }

    [Fact]
    public async Task IfNoneMatchAnyIsANotModifiedOnlyWhereThereIsACurrentRepresentation()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var client = app.CreateClient();
        var item = (await app.SaveAsync(Articles.New("Forum 2017"))).Item!;
        var url = $"/api/content/{item.ContentItemId}";

        var missing = await Send(client, "/api/content/nosuchitem0000000000000000", EntityTagHeaderValue.Any);
        var badQuery = await Send(client, "/api/content?contentType=Article&skip=-1", EntityTagHeaderValue.Any);
        var current = await Send(client, url, EntityTagHeaderValue.Any);
        var kept = await client.GetAsync(url);
        var currentFromMemory = await Send(client, url, EntityTagHeaderValue.Any);
        Assert.True((await app.RunRecipeAsync(ContentListApiTests.RevokeAnonymous("AccessContentApi"))).Succeeded);
        var unauthorized = await Send(client, url, EntityTagHeaderValue.Any);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("skip", await badQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
        Assert.Empty(await current.Content.ReadAsByteArrayAsync());
        Assert.Equal(kept.Headers.ETag, current.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("Forum 2017", (await kept.Content.ReadFromJsonAsync<JsonObject>())!["DisplayText"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotModified, currentFromMemory.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task AStrongFormOfTheCurrentTagAlsoMatches()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var client = app.CreateClient();
        var item = (await app.SaveAsync(Articles.New("Forum 2017"))).Item!;
        var url = $"/api/content/{item.ContentItemId}";
        var etag = (await client.GetAsync(url)).Headers.ETag!;

        var revalidated = await Send(client, url, new EntityTagHeaderValue(etag.Tag));

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }
}
