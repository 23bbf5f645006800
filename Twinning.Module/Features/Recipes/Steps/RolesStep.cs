using System.Text.Json.Nodes;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary><c>Roles</c>: creates or updates roles. <c>PermissionBehavior</c> is <c>Replace</c> (default),
/// <c>Add</c> or <c>Remove</c>, as in Orchard Core 3.0, which also passes over an entry without a name and sets the
/// description to what the entry gives (none blanks it). Other members of a role (<c>IsOwnerType</c>) are not Twinning's
/// and are ignored, as Orchard's step ignores them; the Administrator holds every permission whatever its list says.</summary>
public sealed class RolesStep(DocumentStore documents, IAuditLog audit) : IRecipeStep
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["Roles"] is not JsonArray roles)
        {
            context.Fail("The Roles step needs a 'Roles' list.", field: "Roles");
            return;
        }
        var document = await documents.LoadAsync<RolesDocument>(DocumentNames.Roles);
        // Recorded only with the save, when the whole step is valid.
        var changes = new List<(string Action, string Role, string? Detail)>();
        for (var i = 0; i < roles.Count; i++)
        {
            var field = $"Roles[{i}]";
            if (roles[i] is not JsonObject entry)
            {
                context.Fail("Each role must be an object with a 'Name'.", field: field);
                continue;
            }
            // Names are trimmed, as Orchard Core trims them.
            if (entry[nameof(Role.Name)]?.GetValue<string>()?.Trim() is not { Length: > 0 } name)
            {
                context.PassOver("A role without a name is passed over.", field: field);
                continue;
            }
            var permissions = (entry["Permissions"] as JsonArray ?? [])
                .Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "")
                .ToList();
            if (permissions.Any(p => p.Length == 0))
            {
                context.Fail($"Role '{name}' lists an empty or non-text permission.", field: $"{field}.Permissions");
                continue;
            }
            var role = document.Find(name);
            var before = role?.Permissions.ToList() ?? [];
            if (role is null)
            {
                role = new Role { Name = name };
                document.Roles.Add(role);
                changes.Add((AuditActions.RoleCreated, name, null));
            }
            role.Description = entry["Description"]?.GetValue<string>();
            var behavior = entry["PermissionBehavior"]?.GetValue<string>() ?? "Replace";
            switch (behavior)
            {
                case "Replace":
                    role.Permissions = permissions.Distinct().ToList();
                    break;
                case "Add":
                    role.Permissions = role.Permissions.Union(permissions).ToList();
                    break;
                case "Remove":
                    role.Permissions.RemoveAll(permissions.Contains);
                    break;
                default:
                    context.Fail($"PermissionBehavior must be Replace, Add or Remove, not '{behavior}'.", field: $"{field}.PermissionBehavior");
                    break;
            }
            if (Role.DescribeChange(before, role.Permissions) is { } change)
            {
                changes.Add((AuditActions.RolePermissionsChanged, role.Name, change));
            }
        }
        if (context.Errors.Count == 0)
        {
            foreach (var (action, role, detail) in changes)
            {
                audit.Record(action, role, detail);
            }
            await documents.SaveAsync(DocumentNames.Roles, document);
        }
    }
}
