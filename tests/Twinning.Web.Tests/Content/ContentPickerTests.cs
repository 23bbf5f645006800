using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Content;

/// <summary>A content picker's targets are looked up together, and a picker or taxonomy field holds a bounded number of them.</summary>
public sealed class ContentPickerTests
{
    [Fact]
    public async Task APickerOfTwentyThousandIdsIsRefusedAtOnceNamingTheField()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "ViewContent");
        var editor = await app.CreateClientWithRolesAsync("Editor");
        // A first save warms the host up, so the time below is the big request's own.
        Assert.Equal(HttpStatusCode.OK, (await editor.PostItemAsync(ArticleJson("Rozgrzewka", []))).StatusCode);

        var ids = Enumerable.Range(0, 20_000).Select(i => $"missing{i:D19}").ToList();
        var watch = Stopwatch.StartNew();
        var response = await editor.PostItemAsync(ArticleJson("Za dużo", ids));
        watch.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        var message = Assert.Single(errors).Value![0]!.GetValue<string>();
        Assert.Equal("Article.Related.ContentItemIds", Assert.Single(errors).Key);
        Assert.Contains("at most 1000 items, not 20000", message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.DoesNotContain(await app.ListAsync("Article", options: VersionOptions.Latest), i => i.DisplayText == "Za dużo");
    }

    [Fact]
    public async Task ATaxonomyFieldIsBoundedLikeAPicker()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        app.CreateClient();
        var city = (await app.SingleAsync("PartnerCity", "Połock")).Clone();
        city.Data["PartnerCity"]!["CooperationAreas"] = new JsonObject
        {
            ["TermContentItemIds"] = new JsonArray(Enumerable.Repeat("sameterm", 20_000).Select(t => (JsonNode)t).ToArray()),
        };

        var result = await app.SaveAsync(city);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PartnerCity.CooperationAreas.TermContentItemIds", error.Field);
        Assert.Contains("at most 1000 items, not 20000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FiveHundredPickedItemsAreLookedUpTogether(string provider)
    {
        using var counter = new GraphQLSqlCounter();
        using var app = await Articles.StartAsync(provider);
        var targets = await CreateArticlesAsync(app, 500);
        var topic = (await app.SaveAsync(ValidationTests.Item("""{ "ContentType": "Topic", "TitlePart": { "Title": "Kultura" } }"""))).Item!;
        var marker = provider == Providers.Sqlite ? app.DataPath : DatabaseName(app);

        counter.Watch(marker);
        var one = await app.SaveAsync(ValidationTests.Item(ArticleJson("Jeden", targets.Take(1))));
        var readsForOne = Reads(counter);
        counter.Watch(marker);
        var many = await app.SaveAsync(ValidationTests.Item(ArticleJson("Pięćset", targets)));
        var readsForMany = Reads(counter);
        var wrongType = await app.SaveAsync(ValidationTests.Item(ArticleJson("Z tematem", [.. targets.Take(3), topic.ContentItemId, "missing0000000000000000000"])));

        Assert.Empty(one.Errors);
        Assert.Empty(many.Errors);
        Assert.Equal(targets, (await app.GetAsync(many.Item!.ContentItemId))!.Ids("Article.Related"));
        // Whatever the number of targets, the save reads as much as for one: their look-up is one query.
        Assert.True(readsForMany.Count == readsForOne.Count, $"{readsForOne.Count} reads for one target, {readsForMany.Count} for 500:\n{string.Join("\n", readsForMany)}");
        Assert.Equal(["Article.Related.ContentItemIds[3]", "Article.Related.ContentItemIds[4]"], wrongType.Errors.Select(e => e.Field));
        Assert.Contains("is a Topic", wrongType.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("no content item", wrongType.Errors[1].Message, StringComparison.Ordinal);
    }

    /// <summary>The queries of content item versions among the commands counted (not the writes, which have a row
    /// per reference).</summary>
    private static List<string> Reads(GraphQLSqlCounter counter)
        => counter.Commands.Where(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && sql.Contains("\"ContentItemVersions\"", StringComparison.Ordinal)).ToList();

    private static async Task<List<string>> CreateArticlesAsync(TwinningApplication app, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => IdGenerator.New()).ToList();
        var data = new JsonArray(ids.Select((id, i) => (JsonNode)JsonNode.Parse(ArticleJson($"Artykuł {i}", [], id))!).ToArray());
        var recipe = new JsonObject { ["name"] = "articles", ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["Data"] = data }) };
        var result = await app.RunRecipeAsync(recipe.ToJsonString());
        Assert.True(result.Succeeded, result.ToString());
        return ids;
    }

    private static string ArticleJson(string title, IEnumerable<string> related, string? id = null) => new JsonObject
    {
        ["ContentItemId"] = id ?? "",
        ["ContentType"] = "Article",
        ["Published"] = true,
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["Article"] = new JsonObject
        {
            ["Lead"] = new JsonObject { ["Text"] = "x" },
            ["Related"] = new JsonObject { ["ContentItemIds"] = new JsonArray(related.Select(r => (JsonNode)r).ToArray()) },
        },
    }.ToJsonString();

    private static string DatabaseName(TwinningApplication app)
    {
        using var db = app.CreateDbContext();
        return db.Database.GetDbConnection().Database;
    }
}
