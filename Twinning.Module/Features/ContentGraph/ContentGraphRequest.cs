using GraphQL;
using GraphQL.DataLoader;
using Twinning.Core.Content;

namespace Twinning.Module.Features.ContentGraph;

/// <summary>One GraphQL request, as a field or part type's resolvers see it: the caller's permissions and the batched
/// reads of related items. Features/GraphQL implements it (<c>GraphQLRequestContext</c>).</summary>
public interface IContentGraphRequest
{
    IServiceProvider Services { get; }

    /// <summary>Whether the caller holds the permission for the type, for an item it owns when <paramref name="ownerId"/> is given.</summary>
    Task<bool> HasPermissionAsync(string permission, string? contentType, string? ownerId = null);

    /// <summary>The items the caller may view, in their order.</summary>
    Task<IReadOnlyList<ContentItem>> VisibleAsync(IEnumerable<ContentItem> items);

    /// <summary>Published items by content item id.</summary>
    Deferred<IReadOnlyList<ContentItem>> Published(string contentItemId);

    /// <summary>Published children of a list item, in list order.</summary>
    Deferred<IReadOnlyList<ContentItem>> Children(string listContentItemId);

    /// <summary>Published versions of a localization set, every culture.</summary>
    Deferred<IReadOnlyList<ContentItem>> Localizations(string localizationSet);

    /// <summary>Markdown as HTML, sanitised like every HTML body; HTML written in the Markdown is shown as text.</summary>
    string MarkdownHtml(string markdown);
}

public static class ContentGraphRequest
{
    public static IContentGraphRequest Of(IResolveFieldContext context)
        => context.UserContext as IContentGraphRequest ?? throw new InvalidOperationException("GraphQL runs through the Twinning endpoint only.");

    public static ContentItem? FirstOf(IReadOnlyList<ContentItem> items) => items.Count > 0 ? items[0] : null;
}

/// <summary>A value GraphQL.NET resolves after the other fields of the level have asked for theirs.</summary>
public sealed class Deferred<T>(Func<CancellationToken, Task<T>> get) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => get(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await get(cancellationToken);

    /// <summary>A deferred result computed from this one once it is loaded.</summary>
    public Deferred<TResult> Then<TResult>(Func<T, Task<TResult>> map)
        => new(async ct => await map(await get(ct)));
}
