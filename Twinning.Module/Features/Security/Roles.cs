namespace Twinning.Module.Features.Security;

/// <summary>A role and the permissions it grants, as the recipe's <c>Roles</c> step writes them.</summary>
public sealed class Role
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Permissions { get; set; } = [];

    /// <summary>What a change of permissions grants and withdraws, for the audit log; null when it changes nothing.</summary>
    public static string? DescribeChange(IReadOnlyCollection<string> before, IReadOnlyCollection<string> after)
    {
        var granted = after.Except(before, StringComparer.Ordinal).ToList();
        var withdrawn = before.Except(after, StringComparer.Ordinal).ToList();
        return granted.Count == 0 && withdrawn.Count == 0
            ? null
            : $"Granted: {Listed(granted)}; withdrawn: {Listed(withdrawn)}.";

        static string Listed(List<string> permissions) => permissions.Count > 0 ? string.Join(", ", permissions) : "none";
    }
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
