using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using Twinning.Module.Features.Admin.Roles;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.ApiClients;

/// <summary>An API client as the page lists it.</summary>
public sealed record ApiClientRow(string ClientId, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>Creating, rotating the secret of and revoking API clients (OpenIddict applications). Secrets are generated
/// here, handed back once to be shown, and stored only as OpenIddict's hash.</summary>
public sealed partial class ApiClientAdministration(IOpenIddictApplicationManager applications, ApiClientService clients, RoleAdministration roles,
    IAuditLog audit)
{
    public async Task<IReadOnlyList<ApiClientRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<ApiClientRow>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken) ?? "";
            rows.Add(new ApiClientRow(clientId, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId,
                await clients.GetRolesAsync(application, cancellationToken)));
        }
        return [.. rows.OrderBy(r => r.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>The roles a client may be given by <paramref name="mayGiveAdministrator"/>'s caller: the defined ones,
    /// without Anonymous and Authenticated (every token has the latter), and without Administrator unless the caller
    /// is an administrator, so that managing clients is no way to more rights than one's own.</summary>
    public async Task<IReadOnlyList<string>> AssignableRolesAsync(bool mayGiveAdministrator)
        => [.. (await roles.GetAsync()).Roles.Select(r => r.Name)
            .Where(r => !RoleAdministration.IsBuiltIn(r) || (mayGiveAdministrator && RoleAdministration.IsAdministrator(r)))
            .Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Creates the client and returns its secret (shown once), or the problems with the form.</summary>
    public async Task<(string? Secret, IReadOnlyList<FormProblem> Problems)> CreateAsync(string? clientId, string? displayName,
        IReadOnlyCollection<string> chosenRoles, bool mayGiveAdministrator, CancellationToken cancellationToken = default)
    {
        clientId = clientId?.Trim() ?? "";
        var problems = new List<FormProblem>();
        if (clientId.Length == 0)
        {
            problems.Add(new FormProblem("clientId", "ApiClients.ClientIdRequired"));
        }
        else if (!ClientIdPattern().IsMatch(clientId))
        {
            problems.Add(new FormProblem("clientId", "ApiClients.ClientIdRules"));
        }
        else if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            problems.Add(new FormProblem("clientId", "ApiClients.ClientIdTaken", clientId));
        }
        var assignable = await AssignableRolesAsync(mayGiveAdministrator);
        if (chosenRoles.FirstOrDefault(r => !assignable.Contains(r, StringComparer.Ordinal)) is { } refused)
        {
            problems.Add(new FormProblem("roles", "ApiClients.RoleNotAssignable", refused));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var secret = NewSecret();
        await clients.SaveAsync(new ApiClient(clientId, secret, string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(), [.. chosenRoles]), cancellationToken);
        return (secret, []);
    }

    /// <summary>A new secret for the client (the old one stops working at once), or null when there is no such client.
    /// Tokens issued before stay valid until they expire; revoking the client ends them.</summary>
    public async Task<string?> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = NewSecret();
        descriptor.ClientSecret = secret;
        audit.Record(AuditActions.ApiClientSecretRotated, clientId);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return secret;
    }

    /// <summary>Deletes the client: it gets no new token, and the bearer validation refuses the tokens it holds
    /// (<see cref="RevokedClientTokens"/>). False when there is no such client.</summary>
    public async Task<bool> RevokeAsync(string clientId, CancellationToken cancellationToken = default)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return false;
        }
        audit.Record(AuditActions.ApiClientRevoked, clientId);
        await applications.DeleteAsync(application, cancellationToken);
        return true;
    }

    /// <summary>32 random bytes, base64url: 256 bits, safe in a form field and a URL-encoded token request.</summary>
    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ClientIdPattern();
}
