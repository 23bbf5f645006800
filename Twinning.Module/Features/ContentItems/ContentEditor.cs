using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Rules;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentItems;

public enum ContentEditStatus
{
    /// <summary>The change is stored; <see cref="ContentEditResult.Item"/> is the item as it is now.</summary>
    Done,

    /// <summary>There is no such item (or, for publishing, nothing to publish).</summary>
    NotFound,

    /// <summary>The caller lacks <see cref="ContentEditResult.Permission"/> (on <see cref="ContentEditResult.Item"/> when
    /// that is another item than the one named: a list's child).</summary>
    Denied,

    /// <summary>The item breaks a rule; <see cref="ContentEditResult.Errors"/> name the fields.</summary>
    Invalid,

    /// <summary>The item changed since the version the caller based its change on
    /// (<see cref="ContentEditResult.CurrentVersionId"/>: the current version's tag, <see cref="ExpectedVersion.TagOf"/>);
    /// nothing was written.</summary>
    Stale,
}

/// <summary>What a write through the <see cref="ContentEditor"/> came to. Nothing is written unless the status is
/// <see cref="ContentEditStatus.Done"/>.</summary>
public sealed record ContentEditResult(
    ContentEditStatus Status,
    ContentItem? Item = null,
    IReadOnlyList<ContentValidationError>? Errors = null,
    string? Permission = null,
    string? CurrentVersionId = null)
{
    public IReadOnlyList<ContentValidationError> Errors { get; init; } = Errors ?? [];

    public static ContentEditResult Done(ContentItem item) => new(ContentEditStatus.Done, item);

    /// <summary>Refused with one problem: a key of <see cref="RuleText"/> and its arguments.</summary>
    public static ContentEditResult Invalid(string field, string key, params (string Name, object? Value)[] arguments)
        => new(ContentEditStatus.Invalid, Errors: [new ContentValidationError(field, RuleMessage.Of(key, arguments))]);
}

/// <summary>The version a write was based on: the entity tags of an <c>If-Match</c> header, or the version an
/// editor's form was loaded from. <c>*</c> stands for any version of an existing item. A draft saved over a draft
/// keeps its version id, so a version's tag (<see cref="TagOf"/>) also carries the time it was last saved, and a form
/// carries that time too (<see cref="ModifiedUtc"/>): a save in between changes it. A bare version id, as tags were
/// written before, still names the version, whatever was saved to it since.</summary>
public sealed record ExpectedVersion(IReadOnlyList<string> VersionIds, DateTime? ModifiedUtc = null)
{
    public const string Any = "*";

    /// <summary>The entity tag (without quotes) of the version as it is now: <c>{ContentItemVersionId}.{ticks, hex}</c>.</summary>
    public static string TagOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ModifiedUtc is { } modified
            ? $"{item.ContentItemVersionId}.{modified.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture)}"
            : item.ContentItemVersionId;
    }

    /// <summary>The version ids the expected tags name (<see cref="TagOf"/>: the version id, a dot, the time).</summary>
    public IEnumerable<string> NamedVersionIds => VersionIds.Where(tag => tag != Any).Select(tag => tag.Split('.')[0]);

    public bool IsMetBy(ContentItem? current)
        => current is not null
            && (ModifiedUtc is null || current.ModifiedUtc == ModifiedUtc)
            && VersionIds.Any(tag => tag == Any || tag == TagOf(current) || tag == current.ContentItemVersionId);
}

/// <summary>
/// The one write sequence for content, used by the REST API, the recipe's content step and the admin: it reads
/// the latest version, checks the expected version and the caller's permissions, merges, validates and writes,
/// all inside one transaction that holds the item's write lock, so two simultaneous saves of one item are applied
/// one after the other and neither is lost.
/// </summary>
public sealed class ContentEditor(ContentManager contents, ContentDefinitionService definitions, IAuthorizationService authorization)
{
    /// <summary>Creates an item, or merges <paramref name="body"/> into the latest version of the existing item it
    /// names (objects merge key by key, arrays and values replace, nulls are ignored unless <paramref name="nullsClear"/>:
    /// a form that posts every value it shows clears a value with null); publishes it when asked. The
    /// <paramref name="note"/> is kept with the save in the item's history. Creating an item takes PublishContent, as
    /// Orchard Core's content API has it, even as a draft; with <paramref name="draftTakesEdit"/> a new draft takes
    /// EditContent only, as Orchard's admin has it (an author who may not publish writes drafts and asks for review).</summary>
    public async Task<ContentEditResult> SaveAsync(ClaimsPrincipal user, JsonObject body, bool publish, ExpectedVersion? expected = null, bool nullsClear = false,
        string? note = null, bool draftTakesEdit = false)
    {
        ContentItem incoming;
        try
        {
            incoming = ContentItemJsonConverter.FromJson(body);
        }
        catch (JsonException e)
        {
            // The member of the wrong kind when there is one ("ContentItemId": 42), else the body as a whole.
            return ContentEditResult.Invalid(string.IsNullOrEmpty(e.Path) ? JsonInput.BodyField : e.Path, "Content.Unreadable", ("detail", e.Message));
        }
        var userId = PermissionService.UserIdOf(user);
        return await contents.InTransactionAsync(async () =>
        {
            var existing = IdGenerator.IsValid(incoming.ContentItemId) ? await contents.GetLatestForUpdateAsync(incoming.ContentItemId) : null;
            if (expected is not null && !expected.IsMetBy(existing))
            {
                return new ContentEditResult(ContentEditStatus.Stale, CurrentVersionId: existing is null ? null : ExpectedVersion.TagOf(existing));
            }

            ContentItem merged;
            if (existing is not null)
            {
                if (body.ContainsKey(nameof(ContentItem.ContentType)) && !string.Equals(incoming.ContentType, existing.ContentType, StringComparison.Ordinal))
                {
                    return ContentEditResult.Invalid(nameof(ContentItem.ContentType), "Content.TypeChange",
                        ("type", existing.ContentType), ("newType", incoming.ContentType));
                }
                if (await MissingAsync(user, existing.ContentType, existing.Owner, publish ? [Permissions.EditContent, Permissions.PublishContent] : [Permissions.EditContent]) is { } missing)
                {
                    return missing;
                }
                merged = Merge(existing, body, nullsClear);
                merged.ContentType = existing.ContentType;
                // Changing the owner takes EditContentOwner in Orchard; a save keeps the owner as it is.
                merged.Owner = existing.Owner;
            }
            else
            {
                var type = string.IsNullOrEmpty(incoming.ContentType) ? null : (await definitions.GetAsync()).FindType(incoming.ContentType);
                if (type is null)
                {
                    return string.IsNullOrEmpty(incoming.ContentType)
                        ? ContentEditResult.Invalid(nameof(ContentItem.ContentType), "Content.TypeRequired")
                        : ContentEditResult.Invalid(nameof(ContentItem.ContentType), "Content.UnknownType", ("type", incoming.ContentType));
                }
                if (!type.TypeSettings.Creatable)
                {
                    // Bag items and taxonomy terms live inside another item; they are never items of their own.
                    return ContentEditResult.Invalid(nameof(ContentItem.ContentType), "Content.NotCreatable", ("type", type.Name));
                }
                // A new item belongs to its creator, so the "Own" permissions are enough, as in Orchard.
                if (await MissingAsync(user, type.Name, userId, publish || !draftTakesEdit ? [Permissions.PublishContent, Permissions.EditContent] : [Permissions.EditContent]) is { } missing)
                {
                    return missing;
                }
                var created = (await contents.NewAsync(type.Name))!;
                merged = Merge(created, body, nullsClear);
                merged.ContentItemId = IdGenerator.IsValid(merged.ContentItemId) ? merged.ContentItemId : created.ContentItemId;
                merged.ContentItemVersionId = created.ContentItemVersionId;
                merged.Owner = userId;
            }

            var result = await contents.SaveAsync(merged, publish, PermissionService.UserNameOf(user), note: note);
            return result.Succeeded ? ContentEditResult.Done(result.Item!) : new ContentEditResult(ContentEditStatus.Invalid, Errors: result.Errors);
        });
    }

    /// <summary>The envelope members a translation does not take from its source: it is an item of its own.</summary>
    private static readonly string[] OwnMembers =
    [
        nameof(ContentItem.ContentItemId), nameof(ContentItem.ContentItemVersionId), nameof(ContentItem.Owner), nameof(ContentItem.Author),
        nameof(ContentItem.CreatedUtc), nameof(ContentItem.ModifiedUtc), nameof(ContentItem.PublishedUtc), nameof(ContentItem.Published), nameof(ContentItem.Latest),
    ];

    /// <summary>Translates an item into <paramref name="culture"/>, as Orchard Core's "Localize" does: a new draft item
    /// in the source's localization set (<c>LocalizationPart.LocalizationSet</c> kept, <c>Culture</c> set), copied
    /// from the source's latest version (every part and field, picked items kept), its address put under the culture
    /// (<see cref="Slug.InCulture"/>, numbered when taken). It is saved like any new item: the permissions to create
    /// the type, and the rule set, which refuses a second item of the set in one culture (<c>Localization.Taken</c>)
    /// and a culture the site does not list. The caller must also be allowed to edit the source, whose draft it
    /// copies. <see cref="ContentEditStatus.NotFound"/> when the source does not exist or is not translatable.</summary>
    public async Task<ContentEditResult> TranslateAsync(ClaimsPrincipal user, string sourceId, string culture, string? note = null)
    {
        var source = IdGenerator.IsValid(sourceId) ? await contents.Store.GetLatestAsync(sourceId) : null;
        if (source?.Part(LocalizationPart) is not { } localization)
        {
            return new ContentEditResult(ContentEditStatus.NotFound);
        }
        if (await MissingAsync(user, source.ContentType, source.Owner, [Permissions.EditContent]) is { } missing)
        {
            return missing;
        }
        var body = JsonNode.Parse(ContentItemJsonConverter.Serialize(source))!.AsObject();
        foreach (var member in OwnMembers)
        {
            body.Remove(member);
        }
        var sourceCulture = localization["Culture"] is JsonValue c && c.TryGetValue<string>(out var text) ? text : null;
        body[LocalizationPart]!["Culture"] = culture;
        if (body["AutoroutePart"] is JsonObject route && route["Path"] is JsonValue p && p.TryGetValue<string>(out var path) && !string.IsNullOrWhiteSpace(path))
        {
            var wanted = Slug.InCulture(path, sourceCulture, culture);
            var candidate = wanted;
            for (var n = 2; await contents.Store.IsPathTakenAsync(candidate, ""); n++)
            {
                candidate = $"{wanted}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }
            route["Path"] = candidate;
            // The item's own address, not the site's home page a second time.
            route.Remove("SetHomepage");
        }
        return await SaveAsync(user, body, publish: false, note: note);
    }

    private const string LocalizationPart = "LocalizationPart";
    private const string ContainedPart = ContentParts.ContainedPart.ContainedPartType.PartName;

    /// <summary>Makes a kept revision (<see cref="ContentStore.GetRevisionAsync"/>) the item's latest draft, as a new
    /// version: the draft it replaces stays in the history, and the published version stays live. The caller names the
    /// version it saw as the latest, so a draft saved meanwhile is never replaced unseen. The restored item must pass
    /// today's rules, like any save.</summary>
    public Task<ContentEditResult> RestoreAsync(ClaimsPrincipal user, string contentItemId, long revisionId, ExpectedVersion expected, string? note = null)
        => contents.InTransactionAsync(async () =>
        {
            var latest = IdGenerator.IsValid(contentItemId) ? await contents.GetLatestForUpdateAsync(contentItemId) : null;
            if (latest is null || await contents.Store.GetRevisionAsync(contentItemId, revisionId) is not { } restored)
            {
                return new ContentEditResult(ContentEditStatus.NotFound);
            }
            if (!expected.IsMetBy(latest))
            {
                return new ContentEditResult(ContentEditStatus.Stale, CurrentVersionId: ExpectedVersion.TagOf(latest));
            }
            if (await MissingAsync(user, latest.ContentType, latest.Owner, [Permissions.EditContent]) is { } missing)
            {
                return missing;
            }
            restored.ContentType = latest.ContentType;
            restored.Owner = latest.Owner;
            // Its place in its list belongs to the list (Move up, Move down), not to the version: a restored child keeps
            // the place it has now rather than taking an old one, tied with another child.
            if (latest.Part(ContainedPart) is { } contained)
            {
                restored.Data[ContainedPart] = contained.DeepClone();
            }
            var result = await contents.SaveAsync(restored, publish: false, PermissionService.UserNameOf(user), note: note, newVersion: true);
            return result.Succeeded ? ContentEditResult.Done(result.Item!) : new ContentEditResult(ContentEditStatus.Invalid, Errors: result.Errors);
        });

    /// <summary>Publishes the latest version of the item, when it passes today's rules as a save that publishes must: a
    /// draft saved under older rules, or written by a recipe, is refused (<see cref="ContentEditStatus.Invalid"/>)
    /// rather than published as it is. A version already live is left as it is.</summary>
    public Task<ContentEditResult> PublishAsync(ClaimsPrincipal user, string contentItemId, ExpectedVersion? expected = null)
        => ChangeAsync(user, contentItemId, expected, Permissions.PublishContent, () => contents.PublishAsync(contentItemId, PermissionService.UserNameOf(user)),
            check: latest => latest.Published ? Task.FromResult<IReadOnlyList<ContentValidationError>>([]) : contents.ValidateAsync(latest, publishing: true));

    /// <summary>Takes the item off the site; its latest version stays as a draft.</summary>
    public Task<ContentEditResult> UnpublishAsync(ClaimsPrincipal user, string contentItemId, ExpectedVersion? expected = null)
        => ChangeAsync(user, contentItemId, expected, Permissions.PublishContent, async () =>
            await contents.UnpublishAsync(contentItemId, PermissionService.UserNameOf(user)) is null
                ? null
                : await contents.Store.GetAsync(contentItemId, VersionOptions.Latest));

    /// <summary>Removes the item from the site and from editing; its versions stay as history. The result holds the
    /// item as it was.</summary>
    public Task<ContentEditResult> DeleteAsync(ClaimsPrincipal user, string contentItemId, ExpectedVersion? expected = null)
        => ChangeAsync(user, contentItemId, expected, Permissions.DeleteContent, () => contents.RemoveAsync(contentItemId, PermissionService.UserNameOf(user)));

    /// <summary>Puts a list's children (a forum's panels) in a new order. <paramref name="shown"/> names the first
    /// children as the caller saw them, in the order it saw them; <paramref name="order"/> names the same children in
    /// their new order, and the children after them keep their places. When the list's children are no longer
    /// <paramref name="shown"/> (one added, removed or moved meanwhile), or <paramref name="order"/> names others,
    /// nothing is written (<see cref="ContentEditStatus.Stale"/>). The caller must be allowed to edit the list and every
    /// child whose position changes, and to publish such a child when it is on the site, whose order changes at once (as
    /// Orchard Core's admin asks PublishContent to reorder a list); when one is refused, the result names it
    /// (<see cref="ContentEditResult.Item"/>) and nothing is written. The order is stored by
    /// <see cref="ContentManager.SetListOrderAsync"/>; the result holds the list item.</summary>
    public Task<ContentEditResult> ReorderChildrenAsync(ClaimsPrincipal user, string listContentItemId, IReadOnlyList<string> shown, IReadOnlyList<string> order)
        => contents.InTransactionAsync(async () =>
        {
            // The list's lock first, so two reorders of one list take turns; then each moved child's, as a save of it takes.
            var list = IdGenerator.IsValid(listContentItemId) ? await contents.GetLatestForUpdateAsync(listContentItemId) : null;
            var type = list is null ? null : (await definitions.GetAsync()).FindType(list.ContentType);
            if (list is null || type?.PartsOfKind("ListPart").Any() != true)
            {
                return new ContentEditResult(ContentEditStatus.NotFound);
            }
            if (await MissingAsync(user, list.ContentType, list.Owner, [Permissions.EditContent]) is { } missing)
            {
                return missing;
            }
            var children = await contents.Store.ListChildrenAsync(listContentItemId, VersionOptions.Latest);
            if (!children.Select(c => c.ContentItemId).Take(shown.Count).SequenceEqual(shown, StringComparer.Ordinal)
                || !order.Order(StringComparer.Ordinal).SequenceEqual(shown.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                return new ContentEditResult(ContentEditStatus.Stale);
            }
            var byId = children.ToDictionary(c => c.ContentItemId, StringComparer.Ordinal);
            // The published versions of the children whose latest is a draft, read at once rather than one by one.
            var publishedById = (await contents.Store.ListChildrenAsync(listContentItemId)).ToDictionary(c => c.ContentItemId, StringComparer.Ordinal);
            var ids = order.Concat(children.Skip(shown.Count).Select(c => c.ContentItemId)).ToList();
            for (var position = 0; position < ids.Count; position++)
            {
                var child = byId[ids[position]];
                var published = publishedById.GetValueOrDefault(child.ContentItemId);
                if (OrderOf(child) == position && (published is null || OrderOf(published) == position))
                {
                    continue;
                }
                if (await MissingAsync(user, child.ContentType, child.Owner, published is null ? [Permissions.EditContent] : [Permissions.EditContent, Permissions.PublishContent]) is { } refused)
                {
                    return refused with { Item = child };
                }
                await contents.GetLatestForUpdateAsync(child.ContentItemId);
            }
            await contents.SetListOrderAsync(listContentItemId, ids, PermissionService.UserNameOf(user));
            return ContentEditResult.Done(list);
        });

    private static int? OrderOf(ContentItem child)
        => child.Part(ContainedPart)?["Order"] is JsonValue order && order.TryGetValue<int>(out var value) ? value : null;

    /// <summary>Imports a recipe's items as they are (dates and author kept), published when marked so. The recipe
    /// runs as the site: no permission applies, and its transaction makes the whole recipe one write.</summary>
    public async Task<IReadOnlyList<ContentSaveResult>> ImportAsync(IReadOnlyList<ContentItem> items, string? userName)
    {
        var results = new List<ContentSaveResult>(items.Count);
        foreach (var item in items)
        {
            results.Add(await contents.SaveAsync(item, item.Published, userName, keepDates: true));
        }
        return results;
    }

    private Task<ContentEditResult> ChangeAsync(ClaimsPrincipal user, string contentItemId, ExpectedVersion? expected, string permission, Func<Task<ContentItem?>> change,
        Func<ContentItem, Task<IReadOnlyList<ContentValidationError>>>? check = null)
        => contents.InTransactionAsync(async () =>
        {
            var latest = IdGenerator.IsValid(contentItemId) ? await contents.GetLatestForUpdateAsync(contentItemId) : null;
            if (expected is not null && !expected.IsMetBy(latest))
            {
                return new ContentEditResult(ContentEditStatus.Stale, CurrentVersionId: latest is null ? null : ExpectedVersion.TagOf(latest));
            }
            if (latest is null)
            {
                return new ContentEditResult(ContentEditStatus.NotFound);
            }
            if (await MissingAsync(user, latest.ContentType, latest.Owner, [permission]) is { } missing)
            {
                return missing;
            }
            if (check is not null && await check(latest) is { Count: > 0 } errors)
            {
                return new ContentEditResult(ContentEditStatus.Invalid, Errors: errors);
            }
            return await change() is { } changed ? ContentEditResult.Done(changed) : new ContentEditResult(ContentEditStatus.NotFound);
        });

    private async Task<ContentEditResult?> MissingAsync(ClaimsPrincipal user, string contentType, string? ownerId, IEnumerable<string> needed)
    {
        foreach (var permission in needed)
        {
            if (!await authorization.HasPermissionAsync(user, permission, contentType, ownerId))
            {
                return new ContentEditResult(ContentEditStatus.Denied, Permission: permission);
            }
        }
        return null;
    }

    /// <summary>The body merged into the item's JSON: objects merge key by key, arrays and values replace,
    /// and nulls are ignored (Orchard's JSON merge with arrays replaced), or written when <paramref name="nullsClear"/>.</summary>
    public static ContentItem Merge(ContentItem item, JsonObject body, bool nullsClear = false)
    {
        // Through text: ToJson's DateTime-backed values do not read back as strings in FromJson.
        var json = JsonNode.Parse(ContentItemJsonConverter.Serialize(item))!.AsObject();
        MergeInto(json, body, nullsClear);
        return ContentItemJsonConverter.FromJson(json);
    }

    private static void MergeInto(JsonObject target, JsonObject source, bool nullsClear)
    {
        foreach (var (key, value) in source)
        {
            if (value is null)
            {
                if (nullsClear)
                {
                    target[key] = null;
                }
                continue;
            }
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                MergeInto(existing, child, nullsClear);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
