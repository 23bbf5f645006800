using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary>
/// <c>OpenIdApplication</c>, in Orchard Core's shape: a confidential client with <c>ClientId</c>, <c>ClientSecret</c>,
/// <c>DisplayName</c>, <c>Type</c> <c>confidential</c>, <c>AllowClientCredentialsFlow</c> and <c>RoleEntries</c>
/// (<c>[{"Name": "Editor"}]</c>). Twinning issues tokens by the client credentials flow only, so a step asking for
/// another flow fails rather than create a client that could never sign in. The secret may be left out when the
/// client exists already; it then stays as it is.
/// </summary>
public sealed class OpenIdApplicationStep(ApiClientService clients, IOpenIddictApplicationManager applications) : IRecipeStep
{
    private static readonly string[] UnsupportedFlows =
        ["AllowPasswordFlow", "AllowAuthorizationCodeFlow", "AllowRefreshTokenFlow", "AllowImplicitFlow", "AllowHybridFlow", "AllowDeviceCodeFlow"];

    public string Name => "OpenIdApplication";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var step = context.Step;
        var clientId = Text(step, "ClientId")?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            context.Fail("An OpenIdApplication needs a 'ClientId'.", field: "ClientId");
            return;
        }
        var type = Text(step, "Type") ?? "confidential";
        if (!string.Equals(type, "confidential", StringComparison.OrdinalIgnoreCase))
        {
            context.Fail($"Twinning's API clients are confidential clients with a secret; Type '{type}' is not supported.", field: "Type");
        }
        foreach (var flow in UnsupportedFlows.Where(f => Flag(step, f)))
        {
            context.Fail($"Twinning issues tokens by the client credentials flow only; set {flow} to false.", field: flow);
        }
        var secret = Text(step, "ClientSecret");
        if (string.IsNullOrEmpty(secret) && await applications.FindByClientIdAsync(clientId) is null)
        {
            context.Fail($"The new client '{clientId}' needs a 'ClientSecret'.", field: "ClientSecret");
        }
        var roles = new List<string>();
        if (step["RoleEntries"] is { } entries)
        {
            if (entries is not JsonArray list)
            {
                context.Fail("'RoleEntries' must be a list of {\"Name\": \"...\"}.", field: "RoleEntries");
            }
            else
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject entry && Text(entry, "Name") is { Length: > 0 } role)
                    {
                        roles.Add(role.Trim());
                    }
                    else
                    {
                        context.Fail("Each role entry needs a 'Name'.", field: $"RoleEntries[{i}].Name");
                    }
                }
            }
        }
        if (context.Errors.Count > 0)
        {
            return;
        }
        await clients.SaveAsync(new ApiClient(clientId, secret, Text(step, "DisplayName"), roles, Flag(step, "AllowClientCredentialsFlow")));
    }

    private static string? Text(JsonObject obj, string key)
        => obj[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Flag(JsonObject obj, string key)
        => obj[key] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
