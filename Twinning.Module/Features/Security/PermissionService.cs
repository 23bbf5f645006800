using System.Security.Claims;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

/// <summary>
/// Whether a caller holds a permission through its roles, with Orchard Core's rules: anonymous callers have the
/// Anonymous role, signed-in ones their own roles plus Authenticated, and Administrators hold every permission.
/// A permission is also held through any permission that implies it (<see cref="Permissions.ImpliedBy"/>).
/// For content, the owner of an item is asked for the "Own" variant (EditOwnContent ...), and a securable
/// content type is asked for its per-type variant (<c>EditOwn_Article</c> ...), which the general ones imply.
/// </summary>
public sealed class PermissionService(DocumentStore documents)
{
    /// <summary>Whether the caller holds <paramref name="permission"/>, for content of <paramref name="contentType"/>
    /// owned by <paramref name="ownerId"/> when given.</summary>
    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, string? contentType = null, string? ownerId = null)
    {
        var roles = await documents.GetAsync<RolesDocument>(DocumentNames.Roles);
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var roleName in RolesOf(user))
        {
            if (string.Equals(roleName, RoleNames.Administrator, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (roles.Find(roleName) is { } role)
            {
                granted.UnionWith(role.Permissions);
            }
        }
        if (granted.Count == 0)
        {
            return false;
        }

        var demanded = permission;
        if (ownerId is { Length: > 0 } && UserIdOf(user) == ownerId && Permissions.OwnerVariant(permission) is { } own)
        {
            demanded = own;
        }
        if (contentType is { Length: > 0 } && Permissions.IsTemplated(demanded) && await IsSecurableAsync(contentType))
        {
            demanded = Permissions.ForType(demanded, contentType);
        }
        return Permissions.IsGranted(demanded, granted);
    }

    /// <summary>The caller's user id (<c>sub</c> of a token, the account id of an editor, the client id of an API client).</summary>
    public static string? UserIdOf(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true
            ? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value
            : null;

    /// <summary>The caller's name, written as the Author of what it saves.</summary>
    public static string? UserNameOf(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true
            ? user.Identity.Name ?? user.FindFirst(ClaimTypes.Name)?.Value ?? user.FindFirst("name")?.Value ?? UserIdOf(user)
            : null;

    private async Task<bool> IsSecurableAsync(string contentType)
    {
        var definitions = await documents.GetAsync<ContentDefinitionDocument>(DocumentNames.ContentDefinitions);
        return definitions.FindType(contentType)?.TypeSettings.Securable == true;
    }

    private static IEnumerable<string> RolesOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [RoleNames.Anonymous];
        }
        // Cookies carry ClaimTypes.Role; access tokens carry the JWT "role" claim.
        return user.Identities
            .Where(i => i.IsAuthenticated)
            .SelectMany(i => i.Claims.Where(c => c.Type == i.RoleClaimType || c.Type == ClaimTypes.Role || c.Type == "role"))
            .Select(c => c.Value)
            .Append(RoleNames.Authenticated)
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Permission names as Orchard Core declares them, and which permissions imply which.</summary>
public static class Permissions
{
    public const string ViewContent = "ViewContent";
    public const string ViewOwnContent = "ViewOwnContent";
    public const string PreviewContent = "PreviewContent";
    public const string PreviewOwnContent = "PreviewOwnContent";
    public const string EditContent = "EditContent";
    public const string EditOwnContent = "EditOwnContent";
    public const string PublishContent = "PublishContent";
    public const string PublishOwnContent = "PublishOwnContent";
    public const string DeleteContent = "DeleteContent";
    public const string DeleteOwnContent = "DeleteOwnContent";
    public const string CloneContent = "CloneContent";
    public const string CloneOwnContent = "CloneOwnContent";
    public const string ListContent = "ListContent";
    public const string EditContentOwner = "EditContentOwner";
    public const string AccessContentApi = "AccessContentApi";
    public const string ExecuteGraphQL = "ExecuteGraphQL";
    public const string ExecuteGraphQLMutations = "ExecuteGraphQLMutations";

    /// <summary>Create, disable and reset the passwords of users (<c>/admin/users</c>); the Administrator role itself
    /// is given and changed by administrators only.</summary>
    public const string ManageUsers = "ManageUsers";

    // The media library's, as Orchard Core names them: each implies the one before it, so ManageMediaFolder
    // (every folder) holds them all, and ManageMediaContent alone opens the library without changing any folder.
    public const string ManageMediaContent = "ManageMediaContent";
    public const string ManageOwnMediaContent = "ManageOwnMediaContent";
    public const string ManageOthersMediaContent = "ManageOthersMediaContent";
    public const string ManageMediaFolder = "ManageMediaFolder";
    public const string ManageMediaProfiles = "ManageMediaProfiles";

    // The site administration's, as Orchard Core names them (OrchardCore.Roles, OrchardCore.OpenId).
    /// <summary>Create, delete and change the permissions of roles (<c>/admin/roles</c>).</summary>
    public const string ManageRoles = "ManageRoles";
    /// <summary>Create, rotate the secret of and revoke API clients (<c>/admin/api-clients</c>).</summary>
    public const string ManageApplications = "ManageApplications";
    /// <summary>Change the site settings (<c>/admin/settings</c>). Not offered in the roles page: only the Administrator
    /// holds it, unless a recipe gives it to a role.</summary>
    public const string ManageSettings = "ManageSettings";
    /// <summary>Manage webhook subscriptions and read their delivery log (<c>/admin/webhooks</c>, <c>/api/webhooks</c>).</summary>
    public const string ManageWebhooks = "ManageWebhooks";
    /// <summary>Read the site-wide audit log (<c>/admin/audit</c>): who changed what, and every sign-in.</summary>
    public const string ViewAuditLog = "ViewAuditLog";

    /// <summary>The general permissions a role can be given in the roles page, in the order it lists them; the recipe
    /// may give others (such as Orchard's ViewContentTypes), which the page then keeps and shows too.</summary>
    public static readonly IReadOnlyList<string> General =
    [
        ViewContent, ViewOwnContent, PreviewContent, PreviewOwnContent, EditContent, EditOwnContent, PublishContent,
        PublishOwnContent, DeleteContent, DeleteOwnContent, CloneContent, CloneOwnContent, ListContent, EditContentOwner,
        AccessContentApi, ExecuteGraphQL, ExecuteGraphQLMutations,
        ManageMediaContent, ManageOwnMediaContent, ManageOthersMediaContent, ManageMediaFolder, ManageMediaProfiles,
        ManageUsers, ManageRoles, ManageApplications, ManageWebhooks, ViewAuditLog,
    ];

    /// <summary>The general content permissions, each implied by the ones listed (OrchardCore.Contents' CommonPermissions).</summary>
    private static readonly Dictionary<string, string[]> GeneralImpliedBy = new(StringComparer.Ordinal)
    {
        [PublishContent] = [],
        [PublishOwnContent] = [PublishContent],
        [EditContent] = [PublishContent],
        [EditOwnContent] = [EditContent, PublishOwnContent],
        [DeleteContent] = [],
        [DeleteOwnContent] = [DeleteContent],
        [ViewContent] = [EditContent],
        [ViewOwnContent] = [ViewContent],
        [PreviewContent] = [EditContent, PublishContent],
        [PreviewOwnContent] = [PreviewContent],
        [CloneContent] = [EditContent],
        [CloneOwnContent] = [CloneContent],
        [ListContent] = [],
        [EditContentOwner] = [],
        [ExecuteGraphQL] = [ExecuteGraphQLMutations],
        [ManageMediaContent] = [ManageOwnMediaContent],
        [ManageOwnMediaContent] = [ManageOthersMediaContent],
        [ManageOthersMediaContent] = [ManageMediaFolder],
        [ManageMediaFolder] = [],
    };

    /// <summary>Per-type templates ("{0}" is the type name) with what implies them, as Orchard's
    /// ContentTypePermissionsHelper generates them for securable types.</summary>
    private static readonly Dictionary<string, (string Template, string[] ImpliedBy)> TypeTemplates = new(StringComparer.Ordinal)
    {
        [PublishContent] = ("Publish_{0}", [PublishContent]),
        [PublishOwnContent] = ("PublishOwn_{0}", ["Publish_{0}", PublishOwnContent]),
        [EditContent] = ("Edit_{0}", ["Publish_{0}", EditContent]),
        [EditOwnContent] = ("EditOwn_{0}", ["Edit_{0}", "PublishOwn_{0}", EditOwnContent]),
        [DeleteContent] = ("Delete_{0}", [DeleteContent]),
        [DeleteOwnContent] = ("DeleteOwn_{0}", ["Delete_{0}", DeleteOwnContent]),
        [ViewContent] = ("View_{0}", ["Edit_{0}", ViewContent]),
        [ViewOwnContent] = ("ViewOwn_{0}", ["View_{0}", ViewOwnContent]),
        [PreviewContent] = ("Preview_{0}", ["Edit_{0}", PreviewContent]),
        [PreviewOwnContent] = ("PreviewOwn_{0}", ["Preview_{0}", PreviewOwnContent]),
        [CloneContent] = ("Clone_{0}", ["Edit_{0}", CloneContent]),
        [CloneOwnContent] = ("CloneOwn_{0}", ["Clone_{0}", CloneOwnContent]),
        [ListContent] = ("ListContent_{0}", [ListContent]),
        [EditContentOwner] = ("EditContentOwner_{0}", [EditContentOwner]),
    };

    private static readonly Dictionary<string, string> OwnerVariants = new(StringComparer.Ordinal)
    {
        [PublishContent] = PublishOwnContent,
        [EditContent] = EditOwnContent,
        [DeleteContent] = DeleteOwnContent,
        [ViewContent] = ViewOwnContent,
        [PreviewContent] = PreviewOwnContent,
        [CloneContent] = CloneOwnContent,
    };

    /// <summary>The "Own" variant asked of an item's owner (EditContent → EditOwnContent), or null.</summary>
    public static string? OwnerVariant(string permission) => OwnerVariants.GetValueOrDefault(permission);

    /// <summary>Whether the general permission has a per-type variant.</summary>
    public static bool IsTemplated(string permission) => TypeTemplates.ContainsKey(permission);

    /// <summary>The per-type permission name: <c>ForType("EditContent", "Article")</c> is <c>Edit_Article</c>.</summary>
    public static string ForType(string permission, string contentType)
        => TypeTemplates.TryGetValue(permission, out var template) ? Format(template.Template, contentType) : permission;

    /// <summary>The per-type permissions a securable type offers to roles, as Orchard lists them.</summary>
    public static IEnumerable<string> ForType(string contentType) => TypeTemplates.Values.Select(t => Format(t.Template, contentType));

    /// <summary>Whether <paramref name="permission"/> (general or per type) is held directly or through a permission that implies it.</summary>
    public static bool IsGranted(string permission, IReadOnlySet<string> granted)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([permission]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }
            if (granted.Contains(current))
            {
                return true;
            }
            foreach (var implying in ImpliedBy(current))
            {
                pending.Push(implying);
            }
        }
        return false;
    }

    /// <summary>The permissions that directly imply <paramref name="permission"/>.</summary>
    public static IEnumerable<string> ImpliedBy(string permission)
    {
        if (GeneralImpliedBy.TryGetValue(permission, out var general))
        {
            return general;
        }
        foreach (var (template, impliedBy) in TypeTemplates.Values)
        {
            var prefix = template[..template.IndexOf('{', StringComparison.Ordinal)];
            // "EditOwn_" must not be read as "Edit_" + "Own..."; the underscore ends each prefix, so a match is exact.
            if (permission.StartsWith(prefix, StringComparison.Ordinal) && permission.Length > prefix.Length)
            {
                var contentType = permission[prefix.Length..];
                return impliedBy.Select(i => Format(i, contentType));
            }
        }
        return [];
    }

    private static string Format(string template, string contentType) => template.Replace("{0}", contentType, StringComparison.Ordinal);
}
