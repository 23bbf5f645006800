using System.Text.Json;
using OpenIddict.Abstractions;
using Twinning.Module.Features.Audit;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Twinning.Module.Features.Authentication;

/// <summary>What an API client is: a confidential OpenIddict application allowed the client credentials flow
/// (or not), with the role names its tokens carry.</summary>
public sealed record ApiClient(string ClientId, string? ClientSecret, string? DisplayName, IReadOnlyList<string> Roles, bool AllowClientCredentialsFlow = true);

/// <summary>Creates and updates API clients in OpenIddict's store; secrets are hashed by OpenIddict.</summary>
public sealed class ApiClientService(IOpenIddictApplicationManager applications, IAuditLog audit)
{
    /// <summary>The application property that holds the client's role names.</summary>
    public const string RolesProperty = "roles";

    public async Task SaveAsync(ApiClient client, CancellationToken cancellationToken = default)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (existing is not null)
        {
            await applications.PopulateAsync(descriptor, existing, cancellationToken);
        }
        descriptor.ClientId = client.ClientId;
        descriptor.ClientType = ClientTypes.Confidential;
        descriptor.DisplayName = client.DisplayName ?? descriptor.DisplayName ?? client.ClientId;
        // The populated descriptor holds the stored hash; a secret that still matches keeps it, so a restart
        // does not rehash every configured secret.
        if (!string.IsNullOrEmpty(client.ClientSecret)
            && (existing is null || !await applications.ValidateClientSecretAsync(existing, client.ClientSecret, cancellationToken)))
        {
            descriptor.ClientSecret = client.ClientSecret;
        }
        descriptor.Permissions.Clear();
        if (client.AllowClientCredentialsFlow)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Token);
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(client.Roles.Distinct(StringComparer.Ordinal).ToArray());

        if (existing is null)
        {
            // Written by OpenIddict's own save: its stores use this scope's database context.
            audit.Record(AuditActions.ApiClientCreated, client.ClientId, "Roles: " + string.Join(", ", client.Roles.Distinct(StringComparer.Ordinal)));
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    /// <summary>The role names stored with the application.</summary>
    public async Task<IReadOnlyList<string>> GetRolesAsync(object application, CancellationToken cancellationToken = default)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (properties.TryGetValue(RolesProperty, out var roles) && roles.ValueKind == JsonValueKind.Array)
        {
            return roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList();
        }
        return [];
    }
}
