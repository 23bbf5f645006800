using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>API clients for tests: registered through the <c>OpenIdApplication</c> recipe step, with real
/// access tokens from <c>POST /connect/token</c>.</summary>
public static class ApiClients
{
    public const string Secret = "test-client-secret-0123456789";

    /// <summary>Registers a client whose tokens carry <paramref name="roles"/> and returns an HttpClient that sends
    /// its bearer token. The roles must be defined (see <see cref="DefineRoleAsync"/>) to grant anything.</summary>
    public static async Task<HttpClient> CreateClientWithRolesAsync(this TwinningApplication app, params string[] roles)
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N")[..12];
        await app.RegisterClientAsync(clientId, Secret, roles);
        return await app.CreateBearerClientAsync(clientId, Secret);
    }

    /// <summary>An HttpClient with a token for an already registered client.</summary>
    public static async Task<HttpClient> CreateBearerClientAsync(this TwinningApplication app, string clientId, string secret)
    {
        var token = await app.GetTokenAsync(clientId, secret);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs a recipe with one <c>OpenIdApplication</c> step, in Orchard Core's shape.</summary>
    public static async Task RegisterClientAsync(this TwinningApplication app, string clientId, string secret, params string[] roles)
    {
        app.CreateClient();
        var step = new JsonObject
        {
            ["name"] = "OpenIdApplication",
            ["ClientId"] = clientId,
            ["ClientSecret"] = secret,
            ["DisplayName"] = $"Test client {clientId}",
            ["Type"] = "confidential",
            ["AllowClientCredentialsFlow"] = true,
            ["RoleEntries"] = new JsonArray(roles.Select(r => (JsonNode)new JsonObject { ["Name"] = r }).ToArray()),
        };
        var result = await app.RunRecipeAsync(new JsonObject { ["name"] = "client", ["steps"] = new JsonArray(step) }.ToJsonString());
        Assert.True(result.Succeeded, result.ToString());
    }

    /// <summary>Adds (or replaces) a role with the given permissions through the <c>Roles</c> step.</summary>
    public static async Task DefineRoleAsync(this TwinningApplication app, string role, params string[] permissions)
    {
        app.CreateClient();
        var recipe = new JsonObject
        {
            ["name"] = "role",
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "Roles",
                ["Roles"] = new JsonArray(new JsonObject
                {
                    ["Name"] = role,
                    ["Permissions"] = new JsonArray(permissions.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                }),
            }),
        };
        var result = await app.RunRecipeAsync(recipe.ToJsonString());
        Assert.True(result.Succeeded, result.ToString());
    }

    /// <summary>The raw token response for the client credentials grant.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(this TwinningApplication app, string clientId, string secret, string grantType = "client_credentials")
        => app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    public static async Task<string> GetTokenAsync(this TwinningApplication app, string clientId, string secret)
    {
        var response = await app.RequestTokenAsync(clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>The claims of a JWT, read without checking it (as a front end may).</summary>
    public static JsonObject ReadPayload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }

    /// <summary>POSTs a content item as JSON to <c>/api/content</c>.</summary>
    public static Task<HttpResponseMessage> PostItemAsync(this HttpClient client, string json, bool draft = false)
        => client.PostAsync(draft ? "/api/content?draft=true" : "/api/content", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The JSON object of a response body.</summary>
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonObject>(JsonSerializerOptions.Web))!;
}
