using Microsoft.Extensions.Logging;
using Twinning.Core.Content;

namespace Twinning.Module.Features.ContentItems;

public enum ContentEventKind
{
    Published,
    Unpublished,
    Removed,
}

/// <summary>Something that happened to a content item, told to handlers once it is committed.</summary>
public sealed record ContentEvent(ContentEventKind Kind, ContentItem Item, string? UserName, DateTime OccurredUtc);

/// <summary>Reacts to committed publish, unpublish and remove events (cache purge, webhooks).
/// Handlers run after the transaction: a failing handler cannot undo the change, and is logged.</summary>
public interface IContentEventSubscriber
{
    Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken);
}

/// <summary>Events of the current scope, held until the transaction that caused them commits.</summary>
public sealed class PendingContentEvents(IEnumerable<IContentEventSubscriber> handlers, ILogger<PendingContentEvents> logger)
{
    private readonly List<ContentEvent> _pending = [];

    public void Add(ContentEvent contentEvent) => _pending.Add(contentEvent);

    /// <summary>Drops the events of a transaction that rolled back.</summary>
    public void Clear() => _pending.Clear();

    /// <summary>Tells every handler about every committed event, in order.</summary>
    public async Task DispatchAsync(CancellationToken cancellationToken = default)
    {
        var events = _pending.ToList();
        _pending.Clear();
        foreach (var contentEvent in events)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    await handler.HandleAsync(contentEvent, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "{Handler} failed on {Kind} of {ContentItemId}.", handler.GetType().Name, contentEvent.Kind, contentEvent.Item.ContentItemId);
                }
            }
        }
    }
}
