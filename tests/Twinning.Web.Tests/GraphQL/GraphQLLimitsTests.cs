using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>Documents built to end, stall or exhaust the server are refused quickly by name, anonymously, and the site
/// keeps answering; ordinary queries of a reasonable size still run.</summary>
public sealed class GraphQLLimitsTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Fact]
    public async Task LongOrAndAndListsAreRefusedNamingTheLimitAndTheSiteKeepsAnswering()
    {
        var app = await WarmAsync(site);
        var terms = string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"{{ displayText: \"Forum {i}\" }}"));
        var andTerms = new JsonArray(Enumerable.Range(0, 8000).Select(i => (JsonNode)new JsonObject { ["displayText_not"] = $"Forum {i}" }).ToArray());

        var (orStatus, or, orTime) = await PostAsync(app, $"{{ forum(where: {{ OR: [{terms}] }}) {{ displayText }} }}");
        var (andStatus, and, andTime) = await PostAsync(app, "query ($w: ForumWhereInput) { forumCount(where: $w) }", new JsonObject { ["w"] = new JsonObject { ["AND"] = andTerms } });

        Assert.Equal(HttpStatusCode.BadRequest, orStatus);
        Assert.Equal(HttpStatusCode.BadRequest, andStatus);
        Assert.Contains("at most 100 are allowed (Twinning:GraphQL:MaxWhereTerms)", Message(or), StringComparison.Ordinal);
        Assert.Contains("Twinning:GraphQL:MaxWhereTerms", Message(and), StringComparison.Ordinal);
        Assert.Equal("LIMIT_EXCEEDED", or["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.True(orTime < TimeSpan.FromSeconds(5) && andTime < TimeSpan.FromSeconds(5), $"{orTime} {andTime}");
        await AssertHealthyAsync(app);
    }

    [Fact]
    public async Task DeeplyNestedWhereIsRefused()
    {
        var app = site.App(Providers.Sqlite);
        var nested = new StringBuilder("{ displayText: \"x\" }");
        JsonNode variable = new JsonObject { ["displayText"] = "x" };
        for (var i = 0; i < 11; i++)
        {
            nested.Insert(0, "{ OR: [").Append("] }");
        }
        for (var i = 0; i < 30; i++)
        {
            variable = new JsonObject { ["OR"] = new JsonArray(variable) };
        }

        var (status, body, _) = await PostAsync(app, $"{{ forum(where: {nested}) {{ displayText }} }}");
        var (variableStatus, fromVariable, _) = await PostAsync(app, "query ($w: ForumWhereInput) { forum(where: $w) { displayText } }", new JsonObject { ["w"] = variable });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("A where argument nests more than 10 levels of conditions; at most 10 are allowed (Twinning:GraphQL:MaxWhereDepth)", Message(body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, variableStatus);
        Assert.Contains("(Twinning:GraphQL:MaxWhereDepth)", Message(fromVariable), StringComparison.Ordinal);
        await AssertHealthyAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AModerateOrListStillFindsTheRightItems(string provider)
    {
        var app = site.App(provider);
        var all = (await app.DataAsync("{ forum { displayText } }"))["forum"].Strings("displayText");
        Assert.True(all.Count >= 2, string.Join(", ", all));
        var wanted = all.Take(2).ToList();
        // 48 names that match nothing around the 2 that do, as literals and as a variable.
        var names = Enumerable.Range(0, 24).Select(i => $"Nie ma forum {i}").Concat(wanted).Concat(Enumerable.Range(24, 24).Select(i => $"Nie ma forum {i}")).ToList();
        var literal = string.Join(", ", names.Select(n => $"{{ displayText: {JsonValue.Create(n).ToJsonString()} }}"));
        var variable = new JsonObject { ["w"] = new JsonObject { ["OR"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject { ["displayText"] = n }).ToArray()) } };

        var fromLiteral = await app.DataAsync($"{{ forum(where: {{ OR: [{literal}] }}, orderBy: {{ displayText: ASC }}) {{ displayText }} }}");
        var fromVariable = await app.DataAsync("query ($w: ForumWhereInput) { forum(where: $w, orderBy: { displayText: ASC }) { displayText } forumCount(where: $w) }", variable);
        var none = await app.DataAsync($"{{ forum(where: {{ AND: [{literal}] }}) {{ displayText }} }}");

        var expected = wanted.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, fromLiteral["forum"].Strings("displayText").Order(StringComparer.Ordinal));
        Assert.Equal(expected, fromVariable["forum"].Strings("displayText").Order(StringComparer.Ordinal));
        Assert.Equal(2, fromVariable["forumCount"]!.GetValue<int>());
        Assert.Empty(none["forum"]!.AsArray());
    }

    [Fact]
    public async Task FragmentsThatDoubleEachOtherAreRefusedBeforeTheyAreExpanded()
    {
        var app = await WarmAsync(site);
        // F30 stands for 2^30 selections of displayText; the text is about 1.2 KB.
        var query = new StringBuilder("{ forum { ...F30 } } fragment F0 on Forum { displayText }");
        for (var i = 1; i <= 30; i++)
        {
            query.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Forum {{ ...F{i - 1} ...F{i - 1} }}");
        }

        var (status, body, time) = await PostAsync(app, query.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("With its fragments expanded the query has more than 1000 fields", Message(body), StringComparison.Ordinal);
        Assert.Contains("(Twinning:GraphQL:MaxFields)", Message(body), StringComparison.Ordinal);
        Assert.True(time < TimeSpan.FromSeconds(5), time.ToString());
        await AssertHealthyAsync(app);
    }

    [Fact]
    public async Task ManyConflictingAliasesAreRefusedBeforeTheyAreCompared()
    {
        var app = await WarmAsync(site);
        // Each alias names two different fields: a conflict the validator finds by comparing fields pairwise.
        string Conflicts(int pairs) => "{ forum { " + string.Join(' ', Enumerable.Range(0, pairs).Select(i => $"a{i}: displayText a{i}: contentItemId")) + " } }";

        var (bombStatus, bomb, bombTime) = await PostAsync(app, Conflicts(3000));
        var (aliasStatus, aliases, aliasTime) = await PostAsync(app, Conflicts(300));
        // Without aliases: one name with 499 different arguments took 25 s and answered 41 MB of conflicts.
        var (repeatStatus, repeats, repeatTime) = await PostAsync(app, "{ " + string.Join(' ', Enumerable.Range(1, 499).Select(i => $"forum(first: {i}) {{ displayText }}")) + " }");

        Assert.Equal(HttpStatusCode.BadRequest, bombStatus);
        Assert.Contains("The query has 6001 fields; at most 1000 are allowed (Twinning:GraphQL:MaxFields)", Message(bomb), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, aliasStatus);
        Assert.Contains("The query has 600 aliases; at most 100 are allowed (Twinning:GraphQL:MaxAliases)", Message(aliases), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, repeatStatus);
        Assert.Contains("A selection set asks for one name 499 times (fragments included); at most 10 are allowed (Twinning:GraphQL:MaxFieldRepeats)", Message(repeats), StringComparison.Ordinal);
        Assert.True(new[] { bombTime, aliasTime, repeatTime }.All(t => t < TimeSpan.FromSeconds(5)), $"{bombTime} {aliasTime} {repeatTime}");
        await AssertHealthyAsync(app);
    }

    [Fact]
    public async Task ARequestPastItsTimeBudgetIsStoppedWithAClearError()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite, new Dictionary<string, string?>
        {
            ["Twinning:GraphQL:TimeBudget"] = "00:00:00.001",
            ["Twinning:GraphQL:MaxComplexity"] = "10000000",
        });
        // Twenty lists, each its own SQL query: far more than a millisecond of work.
        var lists = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"f{i}: forum(first: 1000, skip: {i}) {{ displayText partnerCities {{ contentItems {{ displayText }} }} }}"));

        var (status, body, _) = await PostAsync(app, "{ " + lists + " }");

        Assert.True(status == HttpStatusCode.BadRequest, body.ToJsonString());
        Assert.Equal("TIME_BUDGET_EXCEEDED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("(Twinning:GraphQL:TimeBudget)", Message(body), StringComparison.Ordinal);
        await AssertHealthyAsync(app);
    }

    [Fact]
    public async Task AStorageFailureIsAGenericErrorThatDoesNotNameTheEngine()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite);
        await app.DataAsync("{ forum { displayText } }");
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ContentFieldValues\"");
        }

        var (_, body, _) = await PostAsync(app, "{ forum(where: { eventType: \"conference\" }) { displayText } }");

        Assert.Equal("INTERNAL_ERROR", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("could not be read", Message(body), StringComparison.Ordinal);
        Assert.DoesNotContain("sqlite", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(app.Log, l => l.Contains("GraphQL field failed", StringComparison.Ordinal));
    }

    /// <summary>A NUL in the document failed with a server error on both databases; in a variable, PostgreSQL refused it
    /// and the field failed while SQLite answered.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TextWithANulIsRefusedNamingWhereItIs(string provider)
    {
        var app = site.App(provider);

        var (inDocument, document, _) = await PostAsync(app, "{ forum(where: { displayText: \"a\u0000b\" }) { displayText } }");
        var (inVariable, variable, _) = await PostAsync(app, "query ($t: String) { forum(where: { displayText_contains: $t }) { displayText } }",
            new JsonObject { ["t"] = "a\u0000b" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (inDocument, inVariable));
        Assert.StartsWith("query: The text contains a NUL character", Message(document), StringComparison.Ordinal);
        Assert.StartsWith("variables.t: The text contains a NUL character", Message(variable), StringComparison.Ordinal);
        await AssertHealthyAsync(app);
    }

    /// <summary>A site whose GraphQL schema is built, so a request's time is its own.</summary>
    private static async Task<TwinningApplication> WarmAsync(MunicipalSite site)
    {
        var app = site.App(Providers.Sqlite);
        await app.DataAsync("{ forum { displayText } }");
        return app;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body, TimeSpan Time)> PostAsync(TwinningApplication app, string query, JsonObject? variables = null)
    {
        var client = app.CreateClient();
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/graphql", new JsonObject { ["query"] = query, ["variables"] = variables });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), clock.Elapsed);
    }

    private static string Message(JsonObject body) => body["errors"]?[0]?["message"]?.GetValue<string>() ?? body.ToJsonString();

    private static async Task AssertHealthyAsync(TwinningApplication app)
        => Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/health"));
}
