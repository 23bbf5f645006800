using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>The complexity budget fits the pages a site's front end really builds: at the default limits a whole forum
/// page (panels, partner cities, organisations, a gallery of 50 photos with srcset, documents, contact points) and a
/// list of 20 forums run, a page asking for far more photos does not, and their complexity is what docs/graphql.md says.</summary>
public sealed class GraphQLBudgetTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AForumPageAndAListOfTwentyForumsRunAtTheDefaultLimits(string provider)
    {
        var app = site.App(provider);
        var id = (await app.DataAsync("{ forum(first: 1) { contentItemId } }"))["forum"]![0]!["contentItemId"]!.GetValue<string>();

        var page = await app.DataAsync(await QueryAsync("ForumPage"), new JsonObject { ["id"] = id });
        var list = await app.DataAsync(await QueryAsync("ForumList"));

        Assert.Equal(id, page["forum"]![0]!["contentItemId"]!.GetValue<string>());
        Assert.NotEmpty(list["forum"]!.AsArray());
        // The budget still bites: the same page asking for a thousand photos is refused before it runs.
        var greedy = await app.GraphQLAsync((await QueryAsync("ForumPage")).Replace("contentItems(first: 50)", "contentItems(first: 1000)", StringComparison.Ordinal), new JsonObject { ["id"] = id });
        Assert.StartsWith("Query is too complex to execute. Complexity is ", greedy["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(greedy["data"]);
    }

    /// <summary>The figures quoted in docs/graphql.md, read from the refusal of a site that allows a complexity of 1.</summary>
    [Fact]
    public async Task TheDocumentedComplexitiesAreTheComputedOnes()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite, new Dictionary<string, string?> { ["Twinning:GraphQL:MaxComplexity"] = "1" });
        var docs = await File.ReadAllTextAsync(Repository.PathOf("docs", "graphql.md"));

        foreach (var name in new[] { "ForumPage", "ForumList" })
        {
            var body = await app.GraphQLAsync(await QueryAsync(name), name == "ForumPage" ? new JsonObject { ["id"] = "x" } : null);
            var message = body["errors"]![0]!["message"]!.GetValue<string>();
            Assert.Contains("Complexity is ", message, StringComparison.Ordinal);
            var complexity = message.Split("Complexity is ")[1].Split(';')[0];

            Assert.Contains($"`{name}`: complexity {complexity}", docs, StringComparison.Ordinal);
        }
    }

    private static Task<string> QueryAsync(string name) => File.ReadAllTextAsync(Repository.PathOf("tests", "Twinning.Web.Tests", "GraphQL", name + ".graphql"));
}
