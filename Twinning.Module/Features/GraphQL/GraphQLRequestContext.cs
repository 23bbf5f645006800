using System.Security.Claims;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.GraphQL;

/// <summary>Per-request state of a GraphQL execution: the caller, its permission answers and the batch loader.</summary>
public sealed class GraphQLRequestContext(IServiceProvider services, ClaimsPrincipal user) : Dictionary<string, object?>
{
    private readonly Dictionary<(string, string?), bool> _permissions = [];

    public IServiceProvider Services { get; } = services;
    public ClaimsPrincipal User { get; } = user;
    public ContentBatchLoader Loader { get; } = services.GetRequiredService<ContentBatchLoader>();

    public async Task<bool> HasPermissionAsync(string permission, string? contentType)
    {
        if (!_permissions.TryGetValue((permission, contentType), out var allowed))
        {
            allowed = await Services.GetRequiredService<PermissionService>().HasPermissionAsync(User, permission, contentType);
            _permissions[(permission, contentType)] = allowed;
        }
        return allowed;
    }

    /// <summary>The items the caller may view, in their order.</summary>
    public async Task<IReadOnlyList<ContentItem>> VisibleAsync(IEnumerable<ContentItem> items)
    {
        var visible = new List<ContentItem>();
        foreach (var item in items)
        {
            if (await HasPermissionAsync(Permissions.ViewContent, item.ContentType))
            {
                visible.Add(item);
            }
        }
        return visible;
    }

    public static GraphQLRequestContext Of(IResolveFieldContext context)
        => context.UserContext as GraphQLRequestContext ?? throw new InvalidOperationException("GraphQL runs through the Twinning endpoint only.");
}
