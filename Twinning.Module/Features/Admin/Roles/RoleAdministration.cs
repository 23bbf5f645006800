using System.Text.RegularExpressions;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Roles;

/// <summary>A group of permissions the roles page shows together: the general ones (<see cref="ContentType"/> null)
/// or those of one securable content type.</summary>
public sealed record PermissionGroup(string? ContentType, IReadOnlyList<string> Permissions);


/// <summary>Creating and deleting roles and changing their permissions, in the <c>Roles</c> document the recipe's
/// step and every permission check read. A saved change holds from the next request on: the checks read the roles of
/// the caller's claims against this document, not permissions copied into sign-in cookies or tokens.</summary>
public sealed partial class RoleAdministration(DocumentStore documents, IAuditLog audit)
{
    /// <summary>Roles Orchard Core gives a meaning of their own: they cannot be deleted, and the Administrator holds
    /// every permission whatever is stored, so its permissions are not edited.</summary>
    public static bool IsBuiltIn(string name)
        => name.Equals(RoleNames.Administrator, StringComparison.OrdinalIgnoreCase)
            || name.Equals(RoleNames.Anonymous, StringComparison.OrdinalIgnoreCase)
            || name.Equals(RoleNames.Authenticated, StringComparison.OrdinalIgnoreCase);

    public static bool IsAdministrator(string name) => name.Equals(RoleNames.Administrator, StringComparison.OrdinalIgnoreCase);

    public Task<RolesDocument> GetAsync() => documents.GetAsync<RolesDocument>(DocumentNames.Roles);

    /// <summary>What a role can be given: the general permissions (with any other a role already holds, so saving
    /// never drops what the recipe gave), then the per-type permissions of each securable type.</summary>
    public async Task<IReadOnlyList<PermissionGroup>> PermissionGroupsAsync()
    {
        var definitions = await documents.GetAsync<ContentDefinitionDocument>(DocumentNames.ContentDefinitions);
        var perType = definitions.ContentTypeDefinitionRecords
            .Where(t => t.TypeSettings.Securable)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new PermissionGroup(t.Name, [.. Permissions.ForType(t.Name)]))
            .ToList();
        var offered = perType.SelectMany(g => g.Permissions).Concat(Permissions.General).ToHashSet(StringComparer.Ordinal);
        var held = (await GetAsync()).Roles.SelectMany(r => r.Permissions).Where(p => !offered.Contains(p)).Distinct().Order(StringComparer.Ordinal);
        return [new PermissionGroup(null, [.. Permissions.General, .. held]), .. perType];
    }

    public async Task<IReadOnlyList<FormProblem>> CreateAsync(string? name, string? description)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return [new FormProblem("name", "Roles.NameRequired")];
        }
        if (!RoleName().IsMatch(name))
        {
            return [new FormProblem("name", "Roles.NameRules")];
        }
        var roles = await documents.LoadAsync<RolesDocument>(DocumentNames.Roles);
        if (roles.Find(name) is not null || IsBuiltIn(name))
        {
            return [new FormProblem("name", "Roles.NameTaken", name)];
        }
        roles.Roles.Add(new Role { Name = name, Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim() });
        audit.Record(AuditActions.RoleCreated, name);
        await documents.SaveAsync(DocumentNames.Roles, roles);
        return [];
    }

    /// <summary>Replaces the role's permissions with <paramref name="granted"/>, each of which must be one the page
    /// offers. Null when the role does not exist.</summary>
    public async Task<IReadOnlyList<FormProblem>?> SetPermissionsAsync(string name, IEnumerable<string> granted)
    {
        var roles = await documents.LoadAsync<RolesDocument>(DocumentNames.Roles);
        if (roles.Find(name) is not { } role || IsAdministrator(name))
        {
            return null;
        }
        var offered = (await PermissionGroupsAsync()).SelectMany(g => g.Permissions).ToHashSet(StringComparer.Ordinal);
        var chosen = granted.Distinct(StringComparer.Ordinal).ToList();
        if (chosen.FirstOrDefault(p => !offered.Contains(p)) is { } unknown)
        {
            return [new FormProblem("permissions", "Roles.UnknownPermission", unknown)];
        }
        if (Role.DescribeChange(role.Permissions, chosen) is { } change)
        {
            audit.Record(AuditActions.RolePermissionsChanged, role.Name, change);
        }
        role.Permissions = chosen;
        await documents.SaveAsync(DocumentNames.Roles, roles);
        return [];
    }

    /// <summary>False when the role does not exist or is built in. Users and API clients keep the role's name, which
    /// then grants nothing (and again what a new role of that name grants).</summary>
    public async Task<bool> DeleteAsync(string name)
    {
        var roles = await documents.LoadAsync<RolesDocument>(DocumentNames.Roles);
        if (IsBuiltIn(name) || roles.Find(name) is not { } role)
        {
            return false;
        }
        roles.Roles.Remove(role);
        audit.Record(AuditActions.RoleDeleted, role.Name);
        await documents.SaveAsync(DocumentNames.Roles, roles);
        return true;
    }

    /// <summary>Letters, digits, spaces, dots, hyphens and underscores: a name that reads well in a URL and a token.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$")]
    private static partial Regex RoleName();
}
