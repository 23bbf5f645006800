using System.Security.Claims;
using GraphQL;
using Markdig;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.GraphQL;

/// <summary>Per-request state of a GraphQL execution: the caller, its permission answers and the batch loader.</summary>
public sealed class GraphQLRequestContext(IServiceProvider services, ClaimsPrincipal user) : Dictionary<string, object?>, IContentGraphRequest
{
    private readonly Dictionary<(string, string?, bool), bool> _permissions = [];
    private readonly string? _userId = PermissionService.UserIdOf(user);

    public IServiceProvider Services { get; } = services;
    public ClaimsPrincipal User { get; } = user;
    public ContentBatchLoader Loader { get; } = services.GetRequiredService<ContentBatchLoader>();

    /// <summary>Whether the caller holds the permission for the type, for an item it owns when <paramref name="ownerId"/>
    /// is given (then the Own variant is asked, as <see cref="PermissionService"/> does).</summary>
    public async Task<bool> HasPermissionAsync(string permission, string? contentType, string? ownerId = null)
    {
        var own = _userId is not null && ownerId == _userId;
        if (!_permissions.TryGetValue((permission, contentType, own), out var allowed))
        {
            allowed = await Services.GetRequiredService<IAuthorizationService>().HasPermissionAsync(User, permission, contentType, own ? ownerId : null);
            _permissions[(permission, contentType, own)] = allowed;
        }
        return allowed;
    }

    /// <summary>The items the caller may view (<c>ViewContent</c>, or <c>ViewOwnContent</c> for its own), in their order.</summary>
    public async Task<IReadOnlyList<ContentItem>> VisibleAsync(IEnumerable<ContentItem> items)
    {
        var visible = new List<ContentItem>();
        foreach (var item in items)
        {
            if (await HasPermissionAsync(Permissions.ViewContent, item.ContentType, item.Owner))
            {
                visible.Add(item);
            }
        }
        return visible;
    }

    public Deferred<IReadOnlyList<ContentItem>> Published(string contentItemId) => Loader.Published(contentItemId);

    public Deferred<IReadOnlyList<ContentItem>> Children(string listContentItemId) => Loader.Children(listContentItemId);

    public Deferred<IReadOnlyList<ContentItem>> Localizations(string localizationSet) => Loader.Localizations(localizationSet);

    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public string MarkdownHtml(string markdown)
        => Services.GetRequiredService<HtmlSanitizerService>().Sanitize(Markdown.ToHtml(markdown, MarkdownPipeline));

    public static GraphQLRequestContext Of(IResolveFieldContext context)
        => context.UserContext as GraphQLRequestContext ?? throw new InvalidOperationException("GraphQL runs through the Twinning endpoint only.");
}
