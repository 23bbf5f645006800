using System.Net;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;
using Twinning.Web.Tests.Queries;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>Who may run GraphQL, what they may read, and the limits that keep queries affordable.</summary>
public sealed class GraphQLSecurityTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Fact]
    public async Task AnonymousWithoutExecuteGraphQLGets401()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite);
        Assert.True((await app.RunRecipeAsync(ContentListApiTests.RevokeAnonymous("ExecuteGraphQL"))).Succeeded);

        var response = await app.CreateClient().GetAsync("/api/graphql?query=%7B%20forum%20%7B%20displayText%20%7D%20%7D");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("ExecuteGraphQL", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutViewContentATypeFieldIsAnError()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite);
        Assert.True((await app.RunRecipeAsync(ContentListApiTests.RevokeAnonymous("ViewContent"))).Succeeded);

        var body = await app.GraphQLAsync("{ forum { displayText } }");

        Assert.Contains("ViewContent", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["data"]?["forum"]);
    }

    [Fact]
    public async Task ARepeatedQueryStillHasItsVariablesCheckedAndItsCallerAsked()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite);
        const string query = "query Forums($n: Int) { forum(first: $n) { displayText } }";

        var first = await app.DataAsync(query, new JsonObject { ["n"] = 2 });
        var again = await app.DataAsync(query, new JsonObject { ["n"] = 1 });
        var invalid = await app.GraphQLAsync(query, new JsonObject { ["n"] = "two" });
        Assert.True((await app.RunRecipeAsync(ContentListApiTests.RevokeAnonymous("ViewContent"))).Succeeded);
        var denied = await app.GraphQLAsync(query, new JsonObject { ["n"] = 1 });

        Assert.Equal(2, first["forum"]!.AsArray().Count);
        Assert.Single(again["forum"]!.AsArray());
        Assert.NotNull(invalid["errors"]);
        Assert.Null(invalid["data"]?["forum"]);
        Assert.Contains("ViewContent", denied["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DraftsNeedPreviewContentAndNeverLeak(string provider)
    {
        using var app = await GraphQLSite.StartAsync(provider);
        await ContentListApiTests.DraftOfAsync(app, "Forum", "Polsko-Białoruskie Forum Miast Partnerskich", "Forum – szkic");

        var denied = await app.GraphQLAsync("{ forum(status: DRAFT) { displayText } }");
        var published = await app.DataAsync("{ forum(status: PUBLISHED) { displayText published } }");
        Assert.True((await app.RunRecipeAsync(ContentListApiTests.GrantAnonymous("PreviewContent"))).Succeeded);
        var draft = await app.DataAsync("{ forum(status: DRAFT) { displayText published } }");
        var latest = await app.DataAsync("""{ forum(status: LATEST, where: { localization: { culture: "pl-PL" } }) { displayText } }""");

        Assert.Contains("PreviewContent", denied["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("szkic", denied.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Forum – szkic", published["forum"].Strings("displayText"));
        Assert.Equal(["Forum – szkic"], draft["forum"].Strings("displayText"));
        Assert.False(draft["forum"]![0]!["published"]!.GetValue<bool>());
        Assert.Contains("Forum – szkic", latest["forum"].Strings("displayText"));
    }

    [Fact]
    public async Task TooDeepTooComplexAndTooLargeQueriesAreRefused()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite, new Dictionary<string, string?> { ["Twinning:GraphQL:MaxDepth"] = "3" });

        var deep = await app.GraphQLAsync("{ forum { partnerCities { contentItems { displayText } } } }");
        var complex = await app.GraphQLAsync("{ forum(first: 1000) { title { title } } partnerCity(first: 1000) { title { title } } panel(first: 1000) { title { title } } gallery(first: 1000) { title { title } } }");

        Assert.True(deep["errors"] is not null && complex["errors"] is not null, deep.ToJsonString() + complex.ToJsonString());
        Assert.Contains("depth", deep["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("complex", complex["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FirstAboveTheMaximumIsCappedInProductionAndRefusedWhenConfigured()
    {
        // Orchard's MaxNumberOfResults: capped outside development (the tests' host runs as "Testing"), refused in it.
        using var refusing = await GraphQLSite.StartAsync(Providers.Sqlite, new Dictionary<string, string?>
        {
            ["Twinning:Queries:DefaultPageSize"] = "2",
            ["Twinning:Queries:MaxPageSize"] = "2",
            ["Twinning:GraphQL:RefuseFirstAboveMaximum"] = "true",
        });
        using var capping = await GraphQLSite.StartAsync(Providers.Sqlite, new Dictionary<string, string?>
        {
            ["Twinning:Queries:DefaultPageSize"] = "2",
            ["Twinning:Queries:MaxPageSize"] = "2",
        });
        const string query = "{ forum(first: 5) { displayText partnerCities { contentItemIds(first: 5) } } }";

        var refused = await refusing.GraphQLAsync(query);
        var capped = await capping.DataAsync(query);

        Assert.Contains("first must be at most 2", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, capped["forum"]!.AsArray().Count);
        Assert.All(capped["forum"]!.AsArray(), f => Assert.True(f!["partnerCities"]!["contentItemIds"]!.AsArray().Count <= 2));
    }
    [Fact]
    public async Task ARepeatedQueryIsRefusedEveryTimeAndItsVariablesCanMakeItTooComplex()
    {
        var app = site.App(Providers.Sqlite);
        const string tooComplex = "{ forum(first: 1000) { title { title } } partnerCity(first: 1000) { title { title } } panel(first: 1000) { title { title } } gallery(first: 1000) { title { title } } }";
        const string byVariables = "query ($n: Int) { forum(first: $n) { title { title } } partnerCity(first: $n) { title { title } } panel(first: $n) { title { title } } gallery(first: $n) { title { title } } }";

        var refused = new[] { await app.GraphQLAsync(tooComplex), await app.GraphQLAsync(tooComplex) };
        var small = new[] { await app.GraphQLAsync(byVariables, new JsonObject { ["n"] = 2 }), await app.GraphQLAsync(byVariables, new JsonObject { ["n"] = 2 }) };
        var large = await app.GraphQLAsync(byVariables, new JsonObject { ["n"] = 1000 });

        Assert.All(refused, r => Assert.Contains("complex", r["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
        Assert.All(refused, r => Assert.Null(r["data"]));
        Assert.All(small, r => Assert.True(r["errors"] is null && r["data"]!["forum"] is JsonArray, r.ToJsonString()));
        Assert.Contains("complex", large["errors"]?[0]?["message"]?.GetValue<string>() ?? large.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
