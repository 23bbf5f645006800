using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twinning.Core.Content;
using Twinning.Module.Features.ApiReference;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Preview;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.ContentApi;

/// <summary>Orchard Core's content REST API: <c>GET /api/content/{contentItemId}</c> returns the published
/// version, <c>POST /api/content</c> creates or updates an item, <c>DELETE /api/content/{contentItemId}</c> removes
/// one; each in Orchard's content item JSON, with Orchard's permission checks.</summary>
public static class ContentApi
{
    public static RouteGroupBuilder MapContentApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/content").WithTags("Content").DisableAntiforgery().CacheBySiteState();
        group.MapGet("/{contentItemId}", GetContentItemAsync)
            .WithName("ApiGetContentItem")
            .WithSummary("The published version of a content item, in Orchard Core's JSON; with a preview token (Authorization: Preview {token}), the item's latest version, draft or not.")
            .Answers(ContentApiDocument.ItemSchema, "The published version, or with a preview token the latest version.")
            .AddOpenApiOperationTransformer(ApiDocumentDescription.AcceptsPreviewTokenAsync)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/by-path", GetContentItemByPathAsync)
            .WithName("ApiGetContentItemByPath")
            .WithSummary("The published content item at an AutoroutePart path; with culture, its translation in that culture.")
            .Answers(ContentApiDocument.ItemSchema, "The published item at the path.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", PostContentItemAsync)
            .WithName("ApiCreateOrUpdateContentItem")
            .WithSummary("Creates a content item, or merges the body into the latest version of an existing one; publishes unless draft=true.")
            .Accepts<JsonObject>("application/json")
            .Answers(ContentApiDocument.ItemSchema, "The saved version.", input: true)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{contentItemId}/publish", PublishContentItemAsync)
            .WithName("ApiPublishContentItem")
            .WithSummary("Publishes the latest version of a content item.")
            .Answers(ContentApiDocument.ItemSchema, "The item, published.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{contentItemId}/unpublish", UnpublishContentItemAsync)
            .WithName("ApiUnpublishContentItem")
            .WithSummary("Takes a content item off the site; its latest version stays as a draft.")
            .Answers(ContentApiDocument.ItemSchema, "The item, now a draft.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{contentItemId}", DeleteContentItemAsync)
            .WithName("ApiDeleteContentItem")
            .WithSummary("Removes a content item and returns it as it was.")
            .Answers(ContentApiDocument.ItemSchema, "The removed item as it was.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetContentItemAsync(
        string contentItemId, ContentStore store, IAuthorizationService authorization, PreviewTokens previews, HttpContext http)
    {
        if (PreviewTokens.TokenOf(http.Request) is { } token)
        {
            return await PreviewAsync(contentItemId, previews.Read(token), store, http);
        }
        if (await DenyAsync(authorization, http, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        var entry = await store.GetPublishedEntryAsync(contentItemId, http.RequestAborted);
        if (entry is null)
        {
            return NotFound(contentItemId, "published ");
        }
        if (await DenyAsync(authorization, http, Permissions.ViewContent, entry.Item.ContentType, entry.Item.Owner) is { } cannotView)
        {
            return cannotView;
        }
        return TypedResults.Content(entry.Json, JsonContentType);
    }

    /// <summary>A front end's preview page holding a preview token (<c>Authorization: Preview {token}</c>): the latest
    /// version of the one item the token names, draft or not, for the holder alone. The token is the only credential
    /// looked at; an invalid or expired one, or one for another item, is refused.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PreviewAsync(string contentItemId, PreviewTokenReading reading,
        ContentStore store, HttpContext http)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        var refusal = reading switch
        {
            { Status: PreviewTokenStatus.Invalid } => "The preview token is not valid.",
            { Status: PreviewTokenStatus.Expired } => "The preview token has expired; open the preview from the admin again.",
            _ when reading.ContentItemId != contentItemId => "The preview token is for another content item.",
            _ => null,
        };
        if (refusal is not null)
        {
            http.Response.Headers.WWWAuthenticate = PreviewTokens.Scheme;
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: refusal);
        }
        return await store.GetLatestAsync(contentItemId) is { } item ? ItemResult(item) : NotFound(contentItemId, "");
    }

    /// <summary>For front ends that route by URL: the item behind a page address, found through its AutoroutePart path.</summary>
    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetContentItemByPathAsync(
        string? path, string? culture, ContentStore store, IAuthorizationService authorization, HttpContext http)
    {
        if (await DenyAsync(authorization, http, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        if (string.IsNullOrWhiteSpace(path) || path.Trim().Trim('/').Length == 0)
        {
            return Invalid("path", "The page's path is required, such as path=fora/forum-2013.");
        }
        var entry = await store.GetPublishedEntryByPathAsync(path, string.IsNullOrWhiteSpace(culture) ? null : culture.Trim(), http.RequestAborted);
        if (entry is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: culture is null ? $"No published content item has the path '{path}'." : $"No published content item in {culture} has the path '{path}' or a translation of it.");
        }
        // As GET /api/content/{id}: the caller must be allowed to view the item's type.
        return await DenyAsync(authorization, http, Permissions.ViewContent, entry.Item.ContentType, entry.Item.Owner) is { } cannotView
            ? cannotView
            : TypedResults.Content(entry.Json, JsonContentType);
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> PostContentItemAsync(
        HttpContext http, ContentEditor editor, IAuthorizationService authorization, bool? draft)
    {
        if (await DenyAsync(authorization, http, Permissions.AccessContentApi) is { } denied)
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
        return Answer(http, await editor.SaveAsync(http.User, read.Json, publish: draft != true, ExpectedVersionOf(http)), "");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> PublishContentItemAsync(
        string contentItemId, ContentEditor editor, IAuthorizationService authorization, HttpContext http)
        => await DenyAsync(authorization, http, Permissions.AccessContentApi) is { } denied
            ? denied
            : Answer(http, await editor.PublishAsync(http.User, contentItemId, ExpectedVersionOf(http)), contentItemId);

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> UnpublishContentItemAsync(
        string contentItemId, ContentEditor editor, IAuthorizationService authorization, HttpContext http)
        => await DenyAsync(authorization, http, Permissions.AccessContentApi) is { } denied
            ? denied
            : Answer(http, await editor.UnpublishAsync(http.User, contentItemId, ExpectedVersionOf(http)), contentItemId);

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> DeleteContentItemAsync(
        string contentItemId, ContentEditor editor, IAuthorizationService authorization, HttpContext http)
        => await DenyAsync(authorization, http, Permissions.AccessContentApi) is { } denied
            ? denied
            : Answer(http, await editor.DeleteAsync(http.User, contentItemId, ExpectedVersionOf(http)), contentItemId);

    /// <summary>The versions named by <c>If-Match</c>, or null without the header. Weak tags never match a write
    /// (RFC 9110 compares If-Match strongly), so only the quoted version ids that writes answer with count.</summary>
    private static ExpectedVersion? ExpectedVersionOf(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }
        var tags = header.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(tag => tag == ExpectedVersion.Any ? tag : tag.StartsWith('"') && tag.EndsWith('"') && tag.Length > 1 ? tag[1..^1] : null)
            .OfType<string>()
            .ToList();
        return new ExpectedVersion(tags);
    }

    /// <summary>The HTTP answer to an editor's result: the item with its version as the ETag, or the problem.</summary>
    private static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Answer(HttpContext http, ContentEditResult result, string contentItemId)
    {
        switch (result.Status)
        {
            case ContentEditStatus.Done:
                http.Response.Headers.ETag = VersionTag(ExpectedVersion.TagOf(result.Item!));
                return ItemResult(result.Item!);
            case ContentEditStatus.Invalid:
                return TypedResults.ValidationProblem(
                    result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: "The content item is not valid.",
                    extensions: [KeyValuePair.Create<string, object?>(ProblemMessages.Member, ProblemMessages.Of(result.Errors))]);
            case ContentEditStatus.Denied:
                return PermissionProblems.Denied(http.User, PermissionProblems.Needs(result.Permission!));
            case ContentEditStatus.Stale:
                if (result.CurrentVersionId is { } current)
                {
                    http.Response.Headers.ETag = VersionTag(current);
                }
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The item has changed",
                    detail: result.CurrentVersionId is null
                        ? "If-Match names a version, but the item does not exist."
                        : $"If-Match does not name the item's current version '{result.CurrentVersionId}'. Read the item again, apply your change to it, and send it with that version.");
            default:
                return NotFound(contentItemId, "");
        }
    }

    private static string VersionTag(string tag) => $"\"{tag}\"";

    private const string JsonContentType = "application/json; charset=utf-8";

    private static ContentHttpResult ItemResult(ContentItem item)
        => TypedResults.Content(ContentItemJsonConverter.Serialize(item), JsonContentType);

    private static ProblemHttpResult NotFound(string contentItemId, string which)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"There is no {which}content item '{contentItemId}'.");

    private static ValidationProblem Invalid(string field, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static Task<ProblemHttpResult?> DenyAsync(IAuthorizationService authorization, HttpContext http, string permission,
        string? contentType = null, string? ownerId = null)
        => authorization.DenyAsync(http.User, permission, contentType, ownerId);
}
