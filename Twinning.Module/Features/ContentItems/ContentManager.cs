using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentParts;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentItems;

/// <summary>The outcome of a save: the stored version, or the validation errors that stopped it.</summary>
public sealed record ContentSaveResult(ContentItem? Item, IReadOnlyList<ContentValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Writes content the way Orchard Core does. Saving a published item makes a new draft version and leaves
/// the published one live; saving a draft changes it in place; publishing moves the published flag to the
/// latest version; unpublishing clears it; removing clears both flags on every version. No version is
/// ever deleted. Every write validates first and then commits version, index and audit rows together.
/// </summary>
public sealed class ContentManager(
    TwinningDbContext db,
    ContentStore store,
    ContentDefinitionService definitions,
    SiteService site,
    ContentValidator validator,
    IMediaLookup media,
    PendingContentEvents events,
    IAuditLog audit,
    TimeProvider clock)
{

    public ContentStore Store => store;

    /// <summary>A new, unsaved item of the type, with an empty object for each of its parts.</summary>
    public async Task<ContentItem?> NewAsync(string contentType)
    {
        var type = (await definitions.GetAsync()).FindType(contentType);
        if (type is null)
        {
            return null;
        }
        var item = new ContentItem { ContentItemId = IdGenerator.New(), ContentItemVersionId = IdGenerator.New(), ContentType = type.Name };
        foreach (var part in type.ContentTypePartDefinitionRecords)
        {
            item.GetOrCreatePart(part.Name);
        }
        return item;
    }

    /// <summary>Validates <paramref name="item"/> (the whole new state of the item) and stores it as the
    /// item's draft, then publishes it when asked. Nothing is written when validation fails. Every save is kept as a
    /// revision with the editor's <paramref name="note"/>. <paramref name="newVersion"/> writes a new version even
    /// over a draft (a restored revision), so the draft it replaces stays a version of its own.</summary>
    public async Task<ContentSaveResult> SaveAsync(ContentItem item, bool publish, string? userName, bool keepDates = false, string? note = null, bool newVersion = false)
    {
        if (!IdGenerator.IsValid(item.ContentItemId))
        {
            item.ContentItemId = IdGenerator.New();
        }
        var defs = await definitions.GetAsync();
        // The rules are checked in the transaction that writes, so that what they saw is what the write lands on.
        return await InTransactionAsync(async () =>
        {
            var errors = await ValidateAsync(item, defs, publishing: publish);
            return errors.Count > 0 ? new ContentSaveResult(null, errors) : await WriteAsync(item, defs, publish, userName, keepDates, note, newVersion);
        });
    }

    /// <summary>What the rule set says of <paramref name="item"/> as it would be written: a stored draft about to be
    /// published (<see cref="ContentEditor.PublishAsync"/>) is held to the rules of a save. Call it inside
    /// <see cref="InTransactionAsync{T}"/>, whose write the answer holds for. <paramref name="publishing"/> adds what only
    /// a publish asks (see <see cref="ValidationScope.Publishing"/>).</summary>
    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, ContentDefinitionDocument? defs = null, bool publishing = false)
    {
        defs ??= await definitions.GetAsync();
        await TakeTurnForSiteWideValuesAsync(defs.FindType(item.ContentType));
        return await validator.ValidateAsync(item, defs, await site.GetAsync(), store, media, publishing);
    }

    /// <summary>A part that claims a value no other item may hold (an address, a culture of a localization set) has
    /// its rule ask whether the value is taken, and the answer must hold until the save commits. SQLite's write lock
    /// gives every write its turn; on PostgreSQL the saves of items with such parts take turns on one lock, held to the
    /// end of the transaction (edits are rare enough that this costs nothing an editor would notice).</summary>
    private async Task TakeTurnForSiteWideValuesAsync(ContentTypeDefinition? type)
    {
        if (db.Database.ProviderName == StorageProviders.PostgresProviderName
            && type?.ContentTypePartDefinitionRecords.Any(p => ContentPartTypes.Validation(p.PartName)?.ClaimsSiteWideValues == true) == true)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('twinning:site-wide-values', 0))");
        }
    }

    /// <summary>Writes the validated item; runs inside <see cref="SaveAsync"/>'s transaction.</summary>
    private async Task<ContentSaveResult> WriteAsync(ContentItem item, ContentDefinitionDocument defs, bool publish, string? userName, bool keepDates, string? note, bool newVersion)
    {
        var now = Now();
        var latest = await db.ContentItemVersions.Include(v => v.References).Include(v => v.MediaReferences).AsSingleQuery()
            .FirstOrDefaultAsync(v => v.ContentItemId == item.ContentItemId && v.Latest);
        // A published version is never rewritten: an edit of it becomes a new version. Read before the flags move.
        var publishedLatest = latest is { Published: true } ? latest : null;
        // Flags that move to the version being written are cleared and saved first: the database allows
        // one latest and one published version per item at any moment.
        if (publishedLatest is not null)
        {
            SetFlags(publishedLatest, latest: false, published: !publish);
            await db.SaveChangesAsync();
        }
        else if (publish && await db.ContentItemVersions.FirstOrDefaultAsync(v => v.ContentItemId == item.ContentItemId && v.Published) is { } previous)
        {
            SetFlags(previous, previous.Latest, published: false);
            await db.SaveChangesAsync();
        }
        var replacedDraft = newVersion && latest is not null && publishedLatest is null ? latest : null;
        if (replacedDraft is not null)
        {
            SetFlags(replacedDraft, latest: false, replacedDraft.Published);
            await db.SaveChangesAsync();
        }

        ContentItemVersionRecord record;
        if (latest is null || publishedLatest is not null || replacedDraft is not null)
        {
            // A new item, or an edit of a published version: a new version; without publish the old one stays live.
            var created = latest?.CreatedUtc ?? await db.ContentItemVersions.Where(v => v.ContentItemId == item.ContentItemId)
                .OrderBy(v => v.Id).Select(v => v.CreatedUtc).FirstOrDefaultAsync();
            var versionTaken = !IdGenerator.IsValid(item.ContentItemVersionId)
                || await db.ContentItemVersions.AnyAsync(v => v.ContentItemVersionId == item.ContentItemVersionId);
            item.ContentItemVersionId = versionTaken ? IdGenerator.New() : item.ContentItemVersionId;
            item.CreatedUtc = created ?? (keepDates && item.CreatedUtc is not null ? item.CreatedUtc : now);
            record = new ContentItemVersionRecord();
            db.ContentItemVersions.Add(record);
        }
        else
        {
            record = latest;
            item.ContentItemVersionId = latest.ContentItemVersionId;
            item.CreatedUtc = latest.CreatedUtc;
        }
        item.Latest = true;
        item.Published = publish;
        item.ModifiedUtc = keepDates && item.ModifiedUtc is not null ? item.ModifiedUtc : now;
        item.PublishedUtc = publish
            ? (keepDates && item.PublishedUtc is not null ? item.PublishedUtc : now)
            : record.PublishedUtc ?? (keepDates ? item.PublishedUtc : null);
        item.Owner ??= userName;
        item.Author = keepDates && item.Author is not null ? item.Author : userName ?? item.Author;
        ContentIndexer.Apply(item, defs, record);
        Audit(record, latest is null ? AuditActions.ContentCreated : AuditActions.ContentSaved, userName);
        Revision(record, record.ModifiedUtc ?? now, userName, note);
        if (publish)
        {
            Audit(record, AuditActions.ContentPublished, userName);
            events.Add(new ContentEvent(ContentEventKind.Published, item, userName, now));
        }
        await db.SaveChangesAsync();
        await db.IndexFieldValuesAsync(record, item, defs);
        return new ContentSaveResult(item, []);
    }

    /// <summary>Publishes the latest version; the previously published version stays in the history.</summary>
    public async Task<ContentItem?> PublishAsync(string contentItemId, string? userName)
    {
        var found = false;
        await InTransactionAsync(async () =>
        {
            var latest = await db.ContentItemVersions.Include(v => v.References).Include(v => v.MediaReferences).AsSingleQuery()
                .FirstOrDefaultAsync(v => v.ContentItemId == contentItemId && v.Latest);
            if (latest is null)
            {
                return;
            }
            found = true;
            if (!latest.Published)
            {
                await PublishLatestAsync(latest, await definitions.GetAsync(), userName, publishedUtc: null);
            }
        });
        return found ? await store.GetAsync(contentItemId, VersionOptions.Latest) : null;
    }

    /// <summary>Takes the item off the site; its latest version stays as a draft.</summary>
    public async Task<ContentItem?> UnpublishAsync(string contentItemId, string? userName)
    {
        ContentItem? result = null;
        await InTransactionAsync(async () =>
        {
            var published = await db.ContentItemVersions.FirstOrDefaultAsync(v => v.ContentItemId == contentItemId && v.Published);
            if (published is null)
            {
                return;
            }
            SetFlags(published, published.Latest, published: false);
            Audit(published, AuditActions.ContentUnpublished, userName);
            await db.SaveChangesAsync();
            result = ContentItemJsonConverter.Deserialize(published.Content);
            events.Add(new ContentEvent(ContentEventKind.Unpublished, result, userName, Now()));
        });
        return result;
    }

    /// <summary>Removes the item from the site and from editing. Its versions stay in the database as history.</summary>
    public async Task<ContentItem?> RemoveAsync(string contentItemId, string? userName)
    {
        ContentItem? result = null;
        await InTransactionAsync(async () =>
        {
            var versions = await db.ContentItemVersions.Where(v => v.ContentItemId == contentItemId && (v.Latest || v.Published)).ToListAsync();
            if (versions.Count == 0)
            {
                return;
            }
            foreach (var version in versions)
            {
                SetFlags(version, latest: false, published: false);
            }
            result = ContentItemJsonConverter.Deserialize(versions[0].Content);
            Audit(versions[0], AuditActions.ContentRemoved, userName);
            await db.SaveChangesAsync();
            events.Add(new ContentEvent(ContentEventKind.Removed, result, userName, Now()));
        });
        return result;
    }

    /// <summary>
    /// Puts a list's children in the order of <paramref name="childIds"/>: each child's <c>ContainedPart.Order</c> becomes
    /// its position (0, 1, 2, …), so the order is dense and ties are gone. It is stored as Orchard Core's admin stores a
    /// new order (OrchardCore.Lists, <c>ContainerService.UpdateContentItemOrdersAsync</c>): the Order is rewritten in
    /// place in the child's latest version and in its published version, with no new version, so a published child
    /// takes its place on the site at once and a draft keeps its place when it is published. A rewritten version's
    /// <c>ModifiedUtc</c> moves on, as Orchard's update does: its tag (<see cref="ExpectedVersion.TagOf"/>) changes, so a
    /// client or an open editor holding the old one re-reads it rather than writing the old position back. It is not a
    /// save of the child: no revision is kept and the author stays. Each version rewritten leaves an audit entry, which also
    /// tells every instance's change token, and so the response caches, that the site changed; the shared parsed items
    /// (<see cref="Queries.ContentItemCache"/>) are used only while a version's JSON is unchanged. Call it inside
    /// <see cref="InTransactionAsync{T}"/>, holding the children's locks (<see cref="GetLatestForUpdateAsync"/>).
    /// </summary>
    public async Task SetListOrderAsync(string listContentItemId, IReadOnlyList<string> childIds, string? userName)
    {
        var positions = childIds.Select((id, position) => (id, position)).ToDictionary(c => c.id, c => c.position, StringComparer.Ordinal);
        var ids = positions.Keys.ToArray();
        var versions = await db.ContentItemVersions
            .Where(v => v.ListContentItemId == listContentItemId && (v.Latest || v.Published) && ids.Contains(v.ContentItemId))
            .ToListAsync();
        var now = Now();
        foreach (var record in versions.Where(v => v.ListOrder != positions[v.ContentItemId]))
        {
            var item = ContentItemJsonConverter.Deserialize(record.Content);
            var contained = item.Part(ContainedPart)!;
            contained["Order"] = positions[record.ContentItemId];
            item.ModifiedUtc = record.ModifiedUtc = now;
            record.Content = ContentItemJsonConverter.Serialize(item);
            ContentPartTypes.Indexing(ContainedPart)!.Index(contained, record);
            Audit(record, AuditActions.ContentReordered, userName);
        }
        await db.SaveChangesAsync();
    }

    private const string ContainedPart = ContentParts.ContainedPart.ContainedPartType.PartName;

    private async Task PublishLatestAsync(ContentItemVersionRecord latest, ContentDefinitionDocument defs, string? userName, DateTime? publishedUtc)
    {
        var previous = await db.ContentItemVersions
            .FirstOrDefaultAsync(v => v.ContentItemId == latest.ContentItemId && v.Published && v.Id != latest.Id);
        if (previous is not null)
        {
            // Cleared and saved first: the database allows one published version per item at any moment.
            SetFlags(previous, previous.Latest, published: false);
            await db.SaveChangesAsync();
        }
        var item = ContentItemJsonConverter.Deserialize(latest.Content);
        item.Published = true;
        item.PublishedUtc = publishedUtc ?? Now();
        ContentIndexer.Apply(item, defs, latest);
        Audit(latest, AuditActions.ContentPublished, userName);
        Revision(latest, item.PublishedUtc.Value, userName, note: null);
        events.Add(new ContentEvent(ContentEventKind.Published, item, userName, item.PublishedUtc.Value));
        await db.SaveChangesAsync();
        await db.IndexFieldValuesAsync(latest, item, defs);
    }

    /// <summary>Sets a version's flags in its index columns and in its stored JSON alike.</summary>
    private static void SetFlags(ContentItemVersionRecord record, bool latest, bool published)
    {
        var item = ContentItemJsonConverter.Deserialize(record.Content);
        item.Latest = record.Latest = latest;
        item.Published = record.Published = published;
        record.Content = ContentItemJsonConverter.Serialize(item);
    }

    private void Audit(ContentItemVersionRecord record, string action, string? userName)
        => audit.RecordContent(action, record.ContentItemId, record.ContentItemVersionId, record.ContentType, userName);

    /// <summary>Keeps the version as just written (<see cref="ContentIndexer.Apply"/> has set its JSON) in the item's history.</summary>
    private void Revision(ContentItemVersionRecord record, DateTime utc, string? userName, string? note)
    {
        // The admin refuses a longer note next to its field; a longer one from elsewhere is cut, never a failed save.
        var trimmed = note?.Trim();
        db.Set<ContentRevisionRecord>().Add(new ContentRevisionRecord
        {
            ContentItemId = record.ContentItemId,
            ContentItemVersionId = record.ContentItemVersionId,
            ContentType = record.ContentType,
            Utc = utc,
            UserName = userName,
            Published = record.Published,
            Note = string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, ContentRevisionRecord.MaxNoteLength)],
            Content = record.Content,
        });
    }

    /// <summary>The latest version of the item, read while holding the item's write lock until the transaction
    /// ends, so that what a write merges into is what it replaces. Call it inside <see cref="InTransactionAsync{T}"/>.</summary>
    public async Task<ContentItem?> GetLatestForUpdateAsync(string contentItemId)
    {
        // A SQLite transaction holds the database's write lock from its start (BEGIN IMMEDIATE); PostgreSQL's
        // read-committed transactions need a lock of their own, taken on the item id so that a create with an
        // explicit id waits too.
        if (db.Database.ProviderName == StorageProviders.PostgresProviderName)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({contentItemId}, 0))");
        }
        return await store.GetAsync(contentItemId, VersionOptions.Latest);
    }

    /// <summary>Runs the work in the caller's transaction (a recipe) or in one of its own; the content events of
    /// a transaction of its own are dispatched once it has committed.</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work)
    {
        var tracked = TrackedEntities();
        if (db.Database.CurrentTransaction is not null)
        {
            var inner = await work();
            LetGoOfSavedSince(tracked);
            return inner;
        }
        T result;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            try
            {
                result = await work();
                await transaction.CommitAsync();
            }
            catch
            {
                events.Clear();
                throw;
            }
        }
        LetGoOfSavedSince(tracked);
        await events.DispatchAsync();
        return result;
    }

    private HashSet<object> TrackedEntities() => db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);

    /// <summary>Stops tracking what a write read and saved (its versions, references, field values, audit entries): a
    /// recipe writes all its items through one context, and each save made EF Core compare every entity tracked so far,
    /// so a recipe's time grew with the square of its items. What was tracked before the write, and anything not yet
    /// saved, stays tracked.</summary>
    private void LetGoOfSavedSince(HashSet<object> before)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && !before.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task InTransactionAsync(Func<Task> work) => await InTransactionAsync(async () =>
    {
        await work();
        return true;
    });

    private DateTime Now()
    {
        // Whole milliseconds: PostgreSQL keeps microseconds and SQLite keeps text, so both round-trip the same value.
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
