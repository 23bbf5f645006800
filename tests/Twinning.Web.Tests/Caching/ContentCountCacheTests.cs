using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Caching;

/// <summary>The kept list totals: every publish, draft, unpublish and removal is counted by the next read, through
/// REST and GraphQL, and a draft is never counted as published.</summary>
public sealed class ContentCountCacheTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryTotalCountsTheCurrentPublishedVersions(string provider)
    {
        var (app, client) = await ContentItemCacheTests.StartUncachedAsync(provider);
        using var _ = app;
        var start = await TotalAsync(client);

        var first = (await app.SaveAsync(Articles.New("Sesja budżetowa"))).Item!;
        await AssertTotalAsync(client, start + 1);
        await AssertTotalAsync(client, start + 1);

        var second = (await app.SaveAsync(Articles.New("Konsultacje"), publish: false)).Item!;
        await AssertTotalAsync(client, start + 1);

        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(second.ContentItemId, "tester"));
        await AssertTotalAsync(client, start + 2);

        Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(first.ContentItemId, "tester")));
        await AssertTotalAsync(client, start + 1);

        Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(second.ContentItemId, "tester")));
        await AssertTotalAsync(client, start);
    }

    private static async Task<int> TotalAsync(HttpClient client)
        => (await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=Article&take=1"))!["total"]!.GetValue<int>();

    private static async Task AssertTotalAsync(HttpClient client, int expected)
    {
        Assert.Equal(expected, await TotalAsync(client));
        var graphql = await client.GetFromJsonAsync<JsonObject>("/api/graphql?query=" + Uri.EscapeDataString("{ articleCount }"));
        Assert.Null(graphql!["errors"]);
        Assert.Equal(expected, graphql["data"]!["articleCount"]!.GetValue<int>());
    }
}
