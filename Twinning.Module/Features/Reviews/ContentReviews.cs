using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Scheduling;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Reviews;

/// <summary>
/// Review requests (<see cref="ReviewRequestRecord"/>): an editor who may edit an item but not publish it saves a draft
/// and asks for a review; the editors who may publish it find it on their dashboard. A request ends when the item is
/// published, by any path, or deleted (<see cref="EndReviewOnPublishOrRemove"/>).
/// </summary>
public sealed class ContentReviews(TwinningDbContext db, ContentStore store, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Records (or renews) the item's open request, by the caller, who must be allowed to edit the item.</summary>
    public async Task<ContentEditStatus> RequestAsync(ClaimsPrincipal user, string contentItemId, string? note)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IdGenerator.IsValid(contentItemId) || await store.GetLatestAsync(contentItemId) is not { } item)
        {
            return ContentEditStatus.NotFound;
        }
        if (PermissionService.UserIdOf(user) is not { } userId
            || !await authorization.HasPermissionAsync(user, Permissions.EditContent, item.ContentType, item.Owner))
        {
            return ContentEditStatus.Denied;
        }
        var request = await db.Set<ReviewRequestRecord>().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId);
        if (request is null)
        {
            request = new ReviewRequestRecord { ContentItemId = contentItemId };
            db.Set<ReviewRequestRecord>().Add(request);
        }
        var trimmed = note?.Trim();
        request.ContentType = item.ContentType;
        request.UserId = userId;
        request.UserName = PermissionService.UserNameOf(user) ?? userId;
        request.RequestedUtc = ContentSchedules.Whole(clock.GetUtcNow().UtcDateTime);
        request.Note = string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, ContentRevisionRecord.MaxNoteLength)];
        audit.Record(AuditActions.ReviewRequested, ContentSchedules.Target(item.DisplayText, contentItemId), request.Note, request.UserName);
        await db.SaveChangesAsync();
        return ContentEditStatus.Done;
    }

    /// <summary>The item's open request, or null.</summary>
    public Task<ReviewRequestRecord?> OfItemAsync(string contentItemId)
        => db.Set<ReviewRequestRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId);

    /// <summary>The open requests of the site, oldest first (the one waiting longest comes first).</summary>
    public async Task<IReadOnlyList<ReviewRequestRecord>> OpenAsync(int take)
        => await db.Set<ReviewRequestRecord>().AsNoTracking().OrderBy(r => r.RequestedUtc).ThenBy(r => r.ContentItemId).Take(take).ToListAsync();

    /// <summary>The open requests the user made, newest first.</summary>
    public async Task<IReadOnlyList<ReviewRequestRecord>> ByUserAsync(string userId, int take)
        => await db.Set<ReviewRequestRecord>().AsNoTracking().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.RequestedUtc).ThenBy(r => r.ContentItemId).Take(take).ToListAsync();
}

/// <summary>An item published (from the admin, in bulk, through the API or by a schedule: every path raises the one
/// event) or deleted has its review request ended, with an audit entry saying why.</summary>
public sealed class EndReviewOnPublishOrRemove(IServiceScopeFactory scopes) : IContentEventSubscriber
{
    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        if (contentEvent.Kind is not (ContentEventKind.Published or ContentEventKind.Removed))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
        var item = contentEvent.Item;
        if (await db.Set<ReviewRequestRecord>().FirstOrDefaultAsync(r => r.ContentItemId == item.ContentItemId, cancellationToken) is not { } request)
        {
            return;
        }
        db.Remove(request);
        scope.ServiceProvider.GetRequiredService<IAuditLog>().Record(AuditActions.ReviewEnded, ContentSchedules.Target(item.DisplayText, item.ContentItemId),
            $"{contentEvent.Kind}; asked by {request.UserName}.", contentEvent.UserName);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class ReviewsServiceCollectionExtensions
{
    /// <summary>Review requests (<see cref="ContentReviews"/>) and their ending when the item is published or deleted.</summary>
    public static IServiceCollection AddTwinningReviews(this IServiceCollection services)
    {
        services.AddScoped<ContentReviews>();
        services.AddSingleton<IContentEventSubscriber, EndReviewOnPublishOrRemove>();
        return services;
    }
}
