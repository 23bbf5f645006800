using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Queries;

/// <summary>
/// What a caller may list, for the REST list and the GraphQL lists and counts alike: every item of a type with
/// <c>ViewContent</c> (and <c>PreviewContent</c> for drafts and history), or only the items it owns with the Own
/// variants (<c>ViewOwnContent</c>, <c>PreviewOwnContent</c>), as Orchard Core grants them per item. The limit goes
/// into the query, so pages are full and totals count only what the caller may see.
/// </summary>
public static class ContentListAccess
{
    private enum Reach { None, Own, All }

    /// <summary>
    /// Limits <paramref name="spec"/> to what the caller may list. For one type, returns the permission the caller
    /// lacks altogether, or null. For every type (no <see cref="ContentQuerySpec.ContentType"/>), each of
    /// <paramref name="allTypes"/> is judged on its own; only when the caller may preview none of them are drafts
    /// and history refused (<c>PreviewContent</c>).
    /// </summary>
    public static async Task<string?> LimitAsync(IAuthorizationService permissions, ClaimsPrincipal user, ContentQuerySpec spec, IEnumerable<string> allTypes)
    {
        var userId = PermissionService.UserIdOf(user);
        if (spec.ContentType is { } contentType)
        {
            var (reach, missing) = await ReachAsync(permissions, user, userId, contentType, spec.Status);
            spec.Owner = reach == Reach.Own ? userId : null;
            return reach == Reach.None ? missing : null;
        }

        // The general permissions grant every type's own ones: most callers (visitors, editors) are answered here
        // without asking type by type.
        if ((await ReachAsync(permissions, user, userId, contentType: null, spec.Status)).Reach == Reach.All)
        {
            return null;
        }
        var full = new List<string>();
        var own = new List<string>();
        var limited = false;
        foreach (var type in allTypes)
        {
            switch ((await ReachAsync(permissions, user, userId, type, spec.Status)).Reach)
            {
                case Reach.All:
                    full.Add(type);
                    break;
                case Reach.Own:
                    own.Add(type);
                    limited = true;
                    break;
                default:
                    limited = true;
                    break;
            }
        }
        if (spec.Status != PublicationStatus.Published && full.Count + own.Count == 0)
        {
            return Permissions.PreviewContent;
        }
        if (limited)
        {
            spec.ContentTypes = full;
            spec.OwnContentTypes = own;
            spec.Owner = userId;
        }
        return null;
    }

    /// <summary>All items of the type (of every type when null), only the caller's own, or none (with the first
    /// permission it lacks).</summary>
    private static async Task<(Reach Reach, string? Missing)> ReachAsync(IAuthorizationService permissions, ClaimsPrincipal user, string? userId,
        string? contentType, PublicationStatus status)
    {
        var reach = Reach.All;
        foreach (var permission in status == PublicationStatus.Published ? ViewOnly : ViewAndPreview)
        {
            if (await permissions.HasPermissionAsync(user, permission, contentType))
            {
                continue;
            }
            if (userId is not null && Permissions.OwnerVariant(permission) is { } ownVariant && await permissions.HasPermissionAsync(user, ownVariant, contentType))
            {
                reach = Reach.Own;
                continue;
            }
            return (Reach.None, permission);
        }
        return (reach, null);
    }

    private static readonly string[] ViewOnly = [Permissions.ViewContent];
    private static readonly string[] ViewAndPreview = [Permissions.ViewContent, Permissions.PreviewContent];
}
