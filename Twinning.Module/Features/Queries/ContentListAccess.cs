using System.Security.Claims;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Queries;

/// <summary>
/// What a caller may list of a content type, for the REST list and the GraphQL lists and counts alike: every item
/// with <c>ViewContent</c> (and <c>PreviewContent</c> for drafts and history), or only the items it owns with the
/// Own variants (<c>ViewOwnContent</c>, <c>PreviewOwnContent</c>), as Orchard Core grants them per item.
/// </summary>
public static class ContentListAccess
{
    /// <summary>Limits <paramref name="spec"/> to the caller's own items when it holds only the Own variants;
    /// returns the permission the caller lacks altogether, or null when it may list.</summary>
    public static async Task<string?> LimitAsync(PermissionService permissions, ClaimsPrincipal user, ContentQuerySpec spec)
    {
        var userId = PermissionService.UserIdOf(user);
        var ownOnly = false;
        foreach (var permission in Needed(spec))
        {
            if (await permissions.HasPermissionAsync(user, permission, spec.ContentType))
            {
                continue;
            }
            if (userId is not null && Permissions.OwnerVariant(permission) is { } own && await permissions.HasPermissionAsync(user, own, spec.ContentType))
            {
                ownOnly = true;
                continue;
            }
            return permission;
        }
        spec.Owner = ownOnly ? userId : null;
        return null;
    }

    // A list of every type decides viewing item by item (the caller may view some types and not others); drafts
    // and history need the preview permission all the same.
    private static string[] Needed(ContentQuerySpec spec) => (spec.ContentType, spec.Status) switch
    {
        (null, PublicationStatus.Published) => [],
        (null, _) => [Permissions.PreviewContent],
        (_, PublicationStatus.Published) => [Permissions.ViewContent],
        _ => [Permissions.ViewContent, Permissions.PreviewContent],
    };
}
