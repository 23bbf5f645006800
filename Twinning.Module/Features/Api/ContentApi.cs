using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Api;

/// <summary>Orchard Core's content REST API: <c>GET /api/content/{contentItemId}</c> returns the published
/// version, <c>POST /api/content</c> creates or updates an item, <c>DELETE /api/content/{contentItemId}</c> removes
/// one; each in Orchard's content item JSON, with Orchard's permission checks.</summary>
public static class ContentApi
{
    /// <summary>The key of validation errors about the request body as a whole.</summary>
    public const string BodyField = "body";

    public static RouteGroupBuilder MapContentApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/content").WithTags("Content").DisableAntiforgery().CacheBySiteState();
        group.MapGet("/{contentItemId}", GetContentItemAsync)
            .WithName("ApiGetContentItem")
            .WithSummary("The published version of a content item, in Orchard Core's JSON.");
        group.MapPost("/", PostContentItemAsync)
            .WithName("ApiCreateOrUpdateContentItem")
            .WithSummary("Creates a content item, or merges the body into the latest version of an existing one; publishes unless draft=true.")
            .Accepts<JsonObject>("application/json");
        group.MapDelete("/{contentItemId}", DeleteContentItemAsync)
            .WithName("ApiDeleteContentItem")
            .WithSummary("Removes a content item and returns it as it was.");
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetContentItemAsync(
        string contentItemId, ContentStore store, PermissionService permissions, HttpContext http)
    {
        if (await DenyAsync(permissions, http, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        var entry = await store.GetPublishedEntryAsync(contentItemId, http.RequestAborted);
        if (entry is null)
        {
            return NotFound(contentItemId, "published ");
        }
        if (await DenyAsync(permissions, http, Permissions.ViewContent, entry.Item.ContentType, entry.Item.Owner) is { } cannotView)
        {
            return cannotView;
        }
        return TypedResults.Content(entry.Json, JsonContentType);
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> PostContentItemAsync(
        HttpContext http, ContentManager content, ContentDefinitionService definitions, PermissionService permissions, bool? draft)
    {
        if (await DenyAsync(permissions, http, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        if (!http.Request.HasJsonContentType())
        {
            // Also what keeps a cross-site form from posting with an editor's cookie: JSON needs a CORS preflight.
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the content item as JSON (Content-Type: application/json).");
        }
        var read = await ContentRequestBody.ReadAsync(http);
        if (!read.Succeeded)
        {
            return read.Refusal;
        }
        var (body, incoming) = (read.Json, read.Item);

        var publish = draft != true;
        var userId = PermissionService.UserIdOf(http.User);
        var userName = PermissionService.UserNameOf(http.User);
        var existing = IdGenerator.IsValid(incoming.ContentItemId)
            ? await content.Store.GetAsync(incoming.ContentItemId, VersionOptions.Latest)
            : null;

        ContentItem merged;
        if (existing is not null)
        {
            if (body.ContainsKey(nameof(ContentItem.ContentType)) && !string.Equals(incoming.ContentType, existing.ContentType, StringComparison.Ordinal))
            {
                return Invalid(nameof(ContentItem.ContentType), $"The item is a '{existing.ContentType}'; its type cannot change to '{incoming.ContentType}'.");
            }
            if (await DenyAsync(permissions, http, Permissions.EditContent, existing.ContentType, existing.Owner) is { } cannotEdit)
            {
                return cannotEdit;
            }
            if (publish && await DenyAsync(permissions, http, Permissions.PublishContent, existing.ContentType, existing.Owner) is { } cannotPublish)
            {
                return cannotPublish;
            }
            merged = Merge(existing, body);
            merged.ContentType = existing.ContentType;
            // Changing the owner takes EditContentOwner in Orchard; the API keeps the owner as it is.
            merged.Owner = existing.Owner;
        }
        else
        {
            if (string.IsNullOrEmpty(incoming.ContentType) || (await definitions.GetAsync()).FindType(incoming.ContentType) is null)
            {
                return Invalid(nameof(ContentItem.ContentType), string.IsNullOrEmpty(incoming.ContentType)
                    ? "A new content item needs a ContentType."
                    : $"The content type '{incoming.ContentType}' does not exist.");
            }
            // A new item belongs to its creator, so the "Own" permissions are enough, as in Orchard.
            foreach (var needed in new[] { Permissions.PublishContent, Permissions.EditContent })
            {
                if (await DenyAsync(permissions, http, needed, incoming.ContentType, userId) is { } cannotCreate)
                {
                    return cannotCreate;
                }
            }
            var created = (await content.NewAsync(incoming.ContentType))!;
            var generatedId = created.ContentItemId;
            merged = Merge(created, body);
            merged.ContentItemId = IdGenerator.IsValid(merged.ContentItemId) ? merged.ContentItemId : generatedId;
            merged.ContentItemVersionId = created.ContentItemVersionId;
            merged.Owner = userId;
        }

        var result = await content.SaveAsync(merged, publish, userName);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The content item is not valid.");
        }
        return ItemResult(result.Item!);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> DeleteContentItemAsync(
        string contentItemId, ContentManager content, PermissionService permissions, HttpContext http)
    {
        if (await DenyAsync(permissions, http, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        var item = await content.Store.GetAsync(contentItemId, VersionOptions.Latest);
        if (item is null)
        {
            return NotFound(contentItemId, "");
        }
        if (await DenyAsync(permissions, http, Permissions.DeleteContent, item.ContentType, item.Owner) is { } cannotDelete)
        {
            return cannotDelete;
        }
        var removed = await content.RemoveAsync(contentItemId, PermissionService.UserNameOf(http.User));
        return removed is null ? NotFound(contentItemId, "") : ItemResult(removed);
    }

    /// <summary>The body merged into the item's JSON: objects merge key by key, arrays and values replace,
    /// and nulls are ignored (Orchard's JSON merge with arrays replaced).</summary>
    public static ContentItem Merge(ContentItem item, JsonObject body)
    {
        // Through text: ToJson's DateTime-backed values do not read back as strings in FromJson.
        var json = JsonNode.Parse(ContentItemJsonConverter.Serialize(item))!.AsObject();
        MergeInto(json, body);
        return ContentItemJsonConverter.FromJson(json);
    }

    /// <summary>Merges <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is null)
            {
                continue;
            }
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                MergeInto(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private const string JsonContentType = "application/json; charset=utf-8";

    private static ContentHttpResult ItemResult(ContentItem item)
        => TypedResults.Content(ContentItemJsonConverter.Serialize(item), JsonContentType);

    private static ProblemHttpResult NotFound(string contentItemId, string which)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"There is no {which}content item '{contentItemId}'.");

    private static ValidationProblem Invalid(string field, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static Task<ProblemHttpResult?> DenyAsync(PermissionService permissions, HttpContext http, string permission,
        string? contentType = null, string? ownerId = null)
        => permissions.DenyAsync(http.User, permission, contentType, ownerId);
}
