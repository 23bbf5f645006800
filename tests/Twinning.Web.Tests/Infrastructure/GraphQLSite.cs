using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>The provisioned municipal site for query and GraphQL tests, and a GraphQL client for it.</summary>
public static class GraphQLSite
{
    /// <summary>An app provisioned with the municipal site recipe (every save indexes its field values).</summary>
    public static Task<TwinningApplication> StartAsync(string provider, IDictionary<string, string?>? settings = null)
    {
        var app = new TwinningApplication(provider, runRecipe: true, settings);
        app.CreateClient();
        return Task.FromResult(app);
    }

    /// <summary>POSTs a query as application/json and returns the whole response body ({data, errors}).</summary>
    public static async Task<JsonObject> GraphQLAsync(this TwinningApplication app, string query, JsonObject? variables = null, HttpClient? client = null)
    {
        var response = await (client ?? app.CreateClient()).PostAsJsonAsync("/api/graphql", new JsonObject { ["query"] = query, ["variables"] = variables });
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Not JSON: {text}");
    }

    /// <summary>The data of a query that must succeed; fails with the errors otherwise.</summary>
    public static async Task<JsonObject> DataAsync(this TwinningApplication app, string query, JsonObject? variables = null)
    {
        var body = await app.GraphQLAsync(query, variables);
        Assert.True(body["errors"] is null && body["data"] is JsonObject, body.ToJsonString() + string.Join('\n', app.Log.Where(l => l.StartsWith("Error", StringComparison.Ordinal))));
        return body["data"]!.AsObject();
    }

    public static IReadOnlyList<string> Strings(this JsonNode? array, string member)
        => (array as JsonArray ?? []).Select(n => n![member]!.GetValue<string>()).ToList();

    public static StringContent GraphQLBody(string query) => new(query, Encoding.UTF8, "application/graphql");
}
