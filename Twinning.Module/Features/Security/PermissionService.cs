using System.Security.Claims;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

/// <summary>Whether a caller holds a permission through its roles. Anonymous callers have the Anonymous role;
/// signed-in ones their own roles plus Authenticated. Administrators hold every permission.</summary>
public sealed class PermissionService(DocumentStore documents)
{
    /// <summary>Whether the caller holds <paramref name="permission"/>, for content of <paramref name="contentType"/>
    /// owned by <paramref name="ownerId"/> when given.</summary>
    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, string? contentType = null, string? ownerId = null)
    {
        _ = contentType;
        _ = ownerId;
        var roles = await documents.GetAsync<RolesDocument>(DocumentNames.Roles);
        foreach (var roleName in RolesOf(user))
        {
            if (string.Equals(roleName, RoleNames.Administrator, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (roles.Find(roleName)?.Permissions.Contains(permission, StringComparer.Ordinal) == true)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> RolesOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [RoleNames.Anonymous];
        }
        return user.FindAll(ClaimTypes.Role).Select(c => c.Value).Append(RoleNames.Authenticated);
    }
}

/// <summary>Permission names as Orchard Core declares them.</summary>
public static class Permissions
{
    public const string ViewContent = "ViewContent";
    public const string AccessContentApi = "AccessContentApi";
}
