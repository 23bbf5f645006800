namespace Twinning.Module.Features.Security;

/// <summary>A role and the permissions it grants, as the recipe's <c>Roles</c> step writes them.</summary>
public sealed class Role
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Permissions { get; set; } = [];
}

public sealed class RolesDocument
{
    public List<Role> Roles { get; set; } = [];

    public Role? Find(string name) => Roles.Find(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Role names Orchard Core gives a special meaning.</summary>
public static class RoleNames
{
    public const string Administrator = "Administrator";
    public const string Anonymous = "Anonymous";
    public const string Authenticated = "Authenticated";
}
