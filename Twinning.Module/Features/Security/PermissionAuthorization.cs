using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Twinning.Module.Features.Security;

/// <summary>A permission demanded of the caller (Orchard Core's <c>PermissionRequirement</c>). Asked through
/// <see cref="IAuthorizationService"/>, with a <see cref="ContentResource"/> when it is about content.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>The content a permission is asked for: its type (for per-type permissions of securable types) and its
/// owner (whose "Own" permissions then count).</summary>
public sealed record ContentResource(string ContentType, string? OwnerId);

/// <summary>Grants a <see cref="PermissionRequirement"/> when the caller's roles hold the permission, by the rules of
/// <see cref="PermissionService"/>.</summary>
public sealed class PermissionHandler(PermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var content = context.Resource as ContentResource;
        if (await permissions.HasPermissionAsync(context.User, requirement.Permission, content?.ContentType, content?.OwnerId))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Permission checks through <see cref="IAuthorizationService"/>, so that endpoints, pages and services ask
/// one way; only endpoints turn a refusal into a problem answer.</summary>
public static class PermissionAuthorizationExtensions
{
    /// <summary>Whether the caller holds <paramref name="permission"/>, for content of <paramref name="contentType"/>
    /// owned by <paramref name="ownerId"/> when given.</summary>
    public static async Task<bool> HasPermissionAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string permission,
        string? contentType = null, string? ownerId = null)
        => (await authorization.AuthorizeAsync(user, contentType is null ? null : new ContentResource(contentType, ownerId), new PermissionRequirement(permission))).Succeeded;

    /// <summary>Null when the caller holds the permission; otherwise the problem an endpoint answers with: 401 for an
    /// anonymous caller (who may sign in or use an API client), 403 for a signed-in one, naming the permission.</summary>
    public static async Task<ProblemHttpResult?> DenyAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string permission,
        string? contentType = null, string? ownerId = null, string? detail = null)
        => await authorization.HasPermissionAsync(user, permission, contentType, ownerId)
            ? null
            : PermissionProblems.Denied(user, detail ?? PermissionProblems.Needs(permission));
}

/// <summary>How an endpoint answers a caller who lacks a permission; pages show their own refusal page instead.</summary>
public static class PermissionProblems
{
    /// <summary>401 for an anonymous caller (who may sign in or use an API client), 403 for a signed-in one.</summary>
    public static ProblemHttpResult Denied(ClaimsPrincipal user, string detail)
        => user.Identity?.IsAuthenticated == true
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);

    /// <summary>The detail of a refusal for want of <paramref name="permission"/>.</summary>
    public static string Needs(string permission) => $"This needs the '{permission}' permission.";
}
