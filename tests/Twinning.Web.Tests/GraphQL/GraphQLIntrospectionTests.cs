using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.GraphQL;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>
/// What front-end tools read: the introspection query GraphiQL and GraphQL Code Generator send, answered at the
/// default limits for anyone who may run GraphQL, and the sample site's schema committed as SDL
/// (<c>docs/graphql/schema.graphql</c>) for generating types without a running site.
/// </summary>
public sealed class GraphQLIntrospectionTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    /// <summary><c>IntrospectionQuery.graphql</c> is <c>getIntrospectionQuery()</c> of graphql-js 16.15 with every
    /// option on (descriptions, specifiedByUrl, directiveIsRepeatable, schemaDescription, inputValueDeprecation), text
    /// as sent: the superset of what GraphiQL, GraphQL Code Generator and Apollo ask.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheStandardIntrospectionQueryIsAnsweredAnonymouslyAtTheDefaults(string provider)
    {
        var app = site.App(provider);
        var query = await File.ReadAllTextAsync(Repository.PathOf("tests", "Twinning.Web.Tests", "GraphQL", "IntrospectionQuery.graphql"));

        // Twice: the second answer comes from the kept document, as a tool polling for schema changes would see it.
        foreach (var _ in new[] { 1, 2 })
        {
            var response = await app.CreateClient().PostAsJsonAsync("/api/graphql", new JsonObject { ["query"] = query, ["operationName"] = "IntrospectionQuery" });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

            Assert.True(response.StatusCode == HttpStatusCode.OK && body["errors"] is null, body.ToJsonString());
            var schema = body["data"]!["__schema"]!;
            Assert.Equal("Query", schema["queryType"]!["name"]!.GetValue<string>());
            var types = schema["types"]!.AsArray();
            var forum = types.Single(t => t!["name"]!.GetValue<string>() == "Forum")!;
            var forumList = types.Single(t => t!["name"]!.GetValue<string>() == "Query")!["fields"]!.AsArray()
                .Single(f => f!["name"]!.GetValue<string>() == "forum")!;
            Assert.Contains("where", forumList["args"].Strings("name"));
            Assert.Contains("displayText", forum["fields"].Strings("name"));
            Assert.Contains("ContentItem", forum["interfaces"].Strings("name"));
            // The fields graphql-js 16 added are answered, not refused as unknown.
            Assert.Contains(types, t => t!.AsObject().ContainsKey("specifiedByURL"));
            Assert.All(schema["directives"]!.AsArray(), d => Assert.NotNull(d!["isRepeatable"]));
            Assert.NotNull(types.Single(t => t!["name"]!.GetValue<string>() == "ForumWhereInput")!["inputFields"]![0]!["isDeprecated"]);
        }
    }

    /// <summary>Introspection lists are cheap, but not a type's fields inside another type's fields, which would walk
    /// the schema's cycles as deep as the depth limit allows.</summary>
    [Fact]
    public async Task WalkingTheSchemasCyclesIsStillRefused()
    {
        var app = site.App(Providers.Sqlite);

        var body = await app.GraphQLAsync("{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }");

        Assert.Contains("Query is too complex to execute", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    /// <summary>The sample site (the municipal recipe) has the schema committed in <c>docs/graphql/schema.graphql</c>.
    /// After an intended change, run the test with <c>TWINNING_ACCEPT_SCHEMA=1</c> and review the diff.</summary>
    [Fact]
    public async Task TheSampleSiteHasTheCommittedSchema()
    {
        var app = site.App(Providers.Sqlite);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var schema = await services.GetRequiredService<ContentSchemaCache>().GetAsync(
            services.GetRequiredService<TwinningDbContext>(), services.GetRequiredService<ContentDefinitionService>(), CancellationToken.None);

        var actual = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n");

        var file = Repository.PathOf("docs", "graphql", "schema.graphql");
        if (Environment.GetEnvironmentVariable("TWINNING_ACCEPT_SCHEMA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, actual);
        }
        Assert.True(File.Exists(file), $"{file} is missing: run the tests with TWINNING_ACCEPT_SCHEMA=1.");
        Assert.Equal((await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n"), actual);
    }
}
