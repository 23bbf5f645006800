using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Media.Uploads;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Media;

public sealed record MediaFolderDto(string Name, string Path);

/// <summary>A library file; images also carry their displayed size, signed URLs for <c>srcset</c>, and that list as an HTML attribute value.</summary>
public sealed record MediaFileDto(string Name, string Path, string Url, long Size, string MimeType, DateTimeOffset LastModifiedUtc,
    int? Width, int? Height, IReadOnlyList<MediaSrcsetEntry>? Srcset, string? SrcsetAttribute);

public sealed record MediaSrcsetEntry(int Width, string Url);

public sealed record MediaFolderListing(string Path, IReadOnlyList<MediaFolderDto> Folders, IReadOnlyList<MediaFileDto> Files);

public sealed record MediaFileDetails(MediaFileDto File, IReadOnlyList<MediaUse> UsedBy);

public sealed record MediaUploadResult(IReadOnlyList<MediaFileDto> Files);

public sealed record MediaFolderRequest(string? Path);

public sealed record MediaMoveRequest(string? From, string? To);

/// <summary>
/// The media library over HTTP, for editors (their sign-in, with an anti-forgery token) and API clients (a
/// token): list folders, see a file and what uses it, upload, create folders, move or rename, delete. Orchard
/// Core's media permissions decide: <c>ManageMediaContent</c> opens the library, changes need
/// <c>ManageMediaFolder</c>, or <c>ManageOwnMediaContent</c> in the caller's own <c>_Users/{id}</c> folder.
/// </summary>
public static class MediaLibraryApi
{
    public static RouteGroupBuilder MapMediaLibraryApi(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>().Value;
        // Anti-forgery is checked by hand: API clients send tokens, not cookies, and need none.
        var group = routes.MapGroup("/api/media").WithTags("Media").DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            });
        group.MapGet("/", ListAsync)
            .WithName("MediaListFolder")
            .WithSummary("The folders and files directly inside a media library folder (path; empty for the root).");
        group.MapGet("/file", GetFileAsync)
            .WithName("MediaGetFile")
            .WithSummary("A media library file and the content items that use it.");
        group.MapPost("/", UploadAsync)
            .WithName("MediaUpload")
            .WithSummary("Uploads files (multipart/form-data, field 'files') into a folder: each is checked by content, size and pixel count; all are stored or none.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            // Room for several files of the largest allowed size; each file is still held to MaxFileSize.
            .WithMetadata(new RequestSizeLimitAttribute(Math.Min(long.MaxValue / 2, options.MaxFileSize * 10) + 1_000_000));
        group.MapPost("/folders", CreateFolderAsync)
            .WithName("MediaCreateFolder")
            .WithSummary("Creates a folder.");
        group.MapPost("/move", MoveAsync)
            .WithName("MediaMove")
            .WithSummary("Moves or renames a file or folder; refused while content uses it.");
        group.MapDelete("/", DeleteFileAsync)
            .WithName("MediaDeleteFile")
            .WithSummary("Deletes a file; refused while content uses it, with the list of items that do.");
        group.MapDelete("/folders", DeleteFolderAsync)
            .WithName("MediaDeleteFolder")
            .WithSummary("Deletes a folder and everything in it; refused while content uses anything inside.");
        return group;
    }

    private static async Task<Results<Ok<MediaFolderListing>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? path, IMediaFileStore store, MediaUrlBuilder urls, IAuthorizationService permissions, HttpContext http)
    {
        if (!MediaPaths.TryFolder(path, out var folder))
        {
            return NotALibraryPath("path", path);
        }
        if (await permissions.DenyAsync(http.User, MediaPermissions.ToView(folder, PermissionService.UserIdOf(http.User))) is { } denied)
        {
            return denied;
        }
        if (await store.GetDirectoryInfoAsync(folder) is null)
        {
            return NotFound($"There is no folder '{folder}' in the media library.");
        }
        var entries = await store.GetDirectoryContentAsync(folder);
        return TypedResults.Ok(new MediaFolderListing(folder,
            entries.Where(e => e.IsDirectory).Select(e => new MediaFolderDto(e.Name, e.Path)).ToList(),
            entries.Where(e => !e.IsDirectory).Select(e => ToDto(e, urls, http)).ToList()));
    }

    private static async Task<Results<Ok<MediaFileDetails>, ValidationProblem, ProblemHttpResult>> GetFileAsync(
        string? path, IMediaFileStore store, MediaUrlBuilder urls, MediaLibrary library, IAuthorizationService permissions, HttpContext http)
    {
        if (MediaPaths.Normalize(path) is not { } file)
        {
            return NotALibraryPath("path", path);
        }
        if (await permissions.DenyAsync(http.User, MediaPermissions.ToView(file, PermissionService.UserIdOf(http.User))) is { } denied)
        {
            return denied;
        }
        return await store.GetFileInfoAsync(file) is { } entry
            ? TypedResults.Ok(new MediaFileDetails(ToDto(entry, urls, http), await library.FindUsesAsync(file, isFolder: false)))
            : NotFound($"There is no file '{file}' in the media library.");
    }

    private static async Task<Results<Created<MediaUploadResult>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        string? path, HttpContext http, IMediaFileStore store, MediaUrlBuilder urls, MediaLibrary library, IAuthorizationService permissions, IAntiforgery antiforgery)
    {
        if (!MediaPaths.TryFolder(path, out var folder))
        {
            return NotALibraryPath("path", path);
        }
        if (await DenyChangeAsync(http, permissions, antiforgery, folder) is { } denied)
        {
            return denied;
        }
        if (!http.Request.HasFormContentType)
        {
            return Invalid("files", "Send the files as multipart/form-data in a field named 'files'.");
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var files = form.Files.GetFiles("files");
        if (files.Count == 0)
        {
            return Invalid("files", "Send at least one file in a multipart/form-data field named 'files'.");
        }
        if (await store.GetFileInfoAsync(folder) is not null)
        {
            return Invalid("path", $"'{folder}' is a file, not a folder.");
        }
        if (await library.RefuseNewFolderNamesAsync(folder) is { } reason)
        {
            return Invalid("path", reason.English);
        }
        var (stored, errors) = await library.UploadAsync(folder, files.Select(f => (f.FileName, (Func<Stream>)f.OpenReadStream)).ToList(), http.RequestAborted);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.ToDictionary(e => $"files[{e.Index}]", e => new[] { $"'{e.FileName}' {e.Reason.English}." }),
                title: "No file was stored: some files were refused.");
        }
        var dtos = stored.Select(s => ToDto(s.Entry, urls, http)).ToList();
        return TypedResults.Created(dtos[0].Url, new MediaUploadResult(dtos));
    }

    private static async Task<Results<Created<MediaFolderDto>, ValidationProblem, ProblemHttpResult>> CreateFolderAsync(
        MediaFolderRequest request, HttpContext http, MediaLibrary library, IAuthorizationService permissions, IAntiforgery antiforgery)
    {
        if (NewPath(request.Path) is not { } folder)
        {
            return NotALibraryPath("path", request.Path);
        }
        if (await DenyChangeAsync(http, permissions, antiforgery, folder) is { } denied)
        {
            return denied;
        }
        var change = await library.CreateFolderAsync(folder);
        return change.Outcome == MediaOutcome.Done
            ? TypedResults.Created($"/api/media?path={Uri.EscapeDataString(folder)}", new MediaFolderDto(change.Entry!.Name, change.Entry.Path))
            : Problem(change);
    }

    private static async Task<Results<Ok<MediaFolderDto>, Ok<MediaFileDto>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        MediaMoveRequest request, HttpContext http, MediaLibrary library, MediaUrlBuilder urls, IAuthorizationService permissions, IAntiforgery antiforgery)
    {
        if (MediaPaths.Normalize(request.From) is not { } from)
        {
            return NotALibraryPath("from", request.From);
        }
        if (NewPath(request.To) is not { } to)
        {
            return NotALibraryPath("to", request.To);
        }
        if ((await DenyChangeAsync(http, permissions, antiforgery, from) ?? await DenyChangeAsync(http, permissions, antiforgery, to)) is { } denied)
        {
            return denied;
        }
        var change = await library.MoveAsync(from, to);
        if (change.Outcome != MediaOutcome.Done)
        {
            return Problem(change);
        }
        return change.Entry!.IsDirectory ? TypedResults.Ok(new MediaFolderDto(change.Entry.Name, change.Entry.Path)) : TypedResults.Ok(ToDto(change.Entry, urls, http));
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteFileAsync(
        string? path, HttpContext http, MediaLibrary library, IAuthorizationService permissions, IAntiforgery antiforgery)
        => DeleteAsync(path, isFolder: false, http, library, permissions, antiforgery);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteFolderAsync(
        string? path, HttpContext http, MediaLibrary library, IAuthorizationService permissions, IAntiforgery antiforgery)
        => DeleteAsync(path, isFolder: true, http, library, permissions, antiforgery);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string? path, bool isFolder, HttpContext http, MediaLibrary library, IAuthorizationService permissions, IAntiforgery antiforgery)
    {
        if (MediaPaths.Normalize(path) is not { } target)
        {
            return NotALibraryPath("path", path);
        }
        if (await DenyChangeAsync(http, permissions, antiforgery, target) is { } denied)
        {
            return denied;
        }
        var change = await library.DeleteAsync(target, isFolder);
        return change.Outcome == MediaOutcome.Done ? TypedResults.NoContent() : Problem(change);
    }

    /// <summary>The problem answer of a change that did not happen.</summary>
    private static ProblemHttpResult Problem(MediaChange change) => change.Outcome switch
    {
        MediaOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: change.Message?.English),
        MediaOutcome.InUse => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "In use", detail: change.Message?.English,
            extensions: new Dictionary<string, object?> { ["usedBy"] = change.Uses }),
        MediaOutcome.Exists => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: change.Message?.English),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: change.Message?.English,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [change.Field ?? JsonInput.BodyField] = [change.Message?.English ?? ""] } }),
    };

    /// <summary>Null when the caller may change <paramref name="path"/>; editors signed in with their cookie must
    /// also send the anti-forgery token, so another site cannot make their browser change the library.</summary>
    private static async Task<ProblemHttpResult?> DenyChangeAsync(HttpContext http, IAuthorizationService permissions, IAntiforgery antiforgery, string path)
    {
        if (await permissions.DenyAsync(http.User, MediaPermissions.ToChange(path, PermissionService.UserIdOf(http.User))) is { } denied)
        {
            return denied;
        }
        if (http.User.Identity?.AuthenticationType == TwinningAuthentication.CookieScheme && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: "The anti-forgery token is missing or invalid.");
        }
        return null;
    }

    /// <summary>A path for something new: a library path whose last segment is already a safe name.</summary>
    private static string? NewPath(string? path)
        => MediaPaths.Normalize(path) is { } normalized && MediaFileNames.Normalize(MediaPaths.FileNameOf(normalized)) == MediaPaths.FileNameOf(normalized)
            ? normalized
            : null;

    private static MediaFileDto ToDto(MediaEntry entry, MediaUrlBuilder urls, HttpContext http)
    {
        var image = urls.GetImageInfo(entry.Path);
        return new(entry.Name, entry.Path, MediaPaths.ToPublicUrl(entry.Path), entry.Length,
            FileSignatures.ForExtension(Path.GetExtension(entry.Name))?.MimeType ?? "application/octet-stream", entry.LastModifiedUtc,
            image?.Width, image?.Height, image is null ? null : urls.Srcset(entry.Path).Select(s => new MediaSrcsetEntry(s.Width, s.Url)).ToList(),
            image is null ? null : urls.SrcsetAttribute(entry.Path, PublicUrls.BaseUrl(http)));
    }

    private static ValidationProblem NotALibraryPath(string field, string? value)
        => Invalid(field, $"'{value}' is not a path in the media library (use forward slashes, no '..', and safe names: letters, digits, '.', '_' and '-').");

    private static ValidationProblem Invalid(string field, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

}
