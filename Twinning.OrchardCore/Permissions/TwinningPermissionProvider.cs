using OrchardCore;
using OrchardCore.Security.Permissions;

namespace Twinning.OrchardCore.Permissions;

public static class TwinningPermissions
{
    /// <summary>Lets a webmaster close the public feeds without revoking ViewContent, which would also close the content
    /// API and GraphQL. The item-level ViewContent checks still apply on top.</summary>
    public static readonly Permission ViewTwinningFeeds =
        new("ViewTwinningFeeds", "View the twinning calendar, map, JSON-LD and opening-status feeds");
}

/// <summary>Offers <see cref="TwinningPermissions.ViewTwinningFeeds"/> to Orchard's roles; by default every role,
/// anonymous visitors included, may read the feeds, as they may read the published content they are made of.</summary>
public sealed class TwinningPermissionProvider : IPermissionProvider
{
    private readonly IEnumerable<Permission> _all = [TwinningPermissions.ViewTwinningFeeds];

    public Task<IEnumerable<Permission>> GetPermissionsAsync() => Task.FromResult(_all);

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new() { Name = OrchardCoreConstants.Roles.Administrator, Permissions = _all },
        new() { Name = OrchardCoreConstants.Roles.Editor, Permissions = _all },
        new() { Name = OrchardCoreConstants.Roles.Authenticated, Permissions = _all },
        new() { Name = OrchardCoreConstants.Roles.Anonymous, Permissions = _all },
    ];
}
