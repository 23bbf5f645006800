using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Twinning.Core.Content;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Media.Uploads;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Media;

/// <summary>
/// The editors' media library page, <c>/admin/media</c>: browse folders, upload, create folders, rename and delete,
/// with the same checks and protections as the API (<see cref="MediaLibrary"/>). Plain forms, each with an
/// anti-forgery token; it works without scripts.
/// </summary>
public static class MediaAdmin
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Width and height of the previews in the file list, in pixels.</summary>
    private const int ThumbnailSize = 96;

    public static RouteGroupBuilder MapMediaAdmin(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/media").ExcludeFromDescription();
        group.MapGet("/", ShowAsync);
        group.MapPost("/upload", UploadAsync);
        group.MapPost("/folder", CreateFolderAsync);
        group.MapPost("/rename", RenameAsync);
        group.MapPost("/delete", DeleteAsync);
        return group;
    }

    private static async Task<IResult> ShowAsync(string? path, HttpContext http, PageServices page)
        => await page.RenderAsync(http, path, []);

    private static async Task<IResult> UploadAsync(string? path, IFormFileCollection files, HttpContext http, PageServices page, MediaLibrary library)
        => await page.ChangeAsync(http, path, path, async folder =>
        {
            if (files.Count == 0)
            {
                return [new Notice("Choose at least one file to upload.", IsError: true)];
            }
            var (stored, errors) = await library.UploadAsync(folder, files.Select(f => (f.FileName, (Func<Stream>)f.OpenReadStream)).ToList(), http.RequestAborted);
            return errors.Count > 0
                ? [new Notice("Nothing was uploaded:", IsError: true), .. errors.Select(e => new Notice($"'{e.FileName}' {e.Reason}.", IsError: true))]
                : [new Notice($"Uploaded {string.Join(", ", stored.Select(s => s.Entry.Name))}.")];
        });

    private static async Task<IResult> CreateFolderAsync(string? path, [FromForm] string? name, HttpContext http, PageServices page, MediaLibrary library)
    {
        var folder = MediaPaths.Normalize(path) ?? "";
        var safe = MediaFileNames.Normalize(name);
        return await page.ChangeAsync(http, path, safe is null ? null : MediaPaths.Combine(folder, safe), async target =>
            Notices(await library.CreateFolderAsync(target), $"Created the folder '{safe}'."));
    }

    private static async Task<IResult> RenameAsync(string? path, [FromForm] string? from, [FromForm] string? name, HttpContext http, PageServices page, MediaLibrary library)
    {
        var folder = MediaPaths.Normalize(path) ?? "";
        var source = MediaPaths.Normalize(from);
        var safe = MediaFileNames.Normalize(name);
        if (source is null || safe is null)
        {
            return await page.RenderAsync(http, path, [new Notice("Give the new name: letters, digits, '.', '_' or '-'.", IsError: true)], StatusCodes.Status400BadRequest);
        }
        var target = MediaPaths.Combine(folder, safe);
        if (await page.DenyAsync(http, source) is { } denied)
        {
            return denied;
        }
        return await page.ChangeAsync(http, path, target, async _ =>
            Notices(await library.MoveAsync(source, target), $"Renamed '{MediaPaths.FileNameOf(source)}' to '{safe}'."));
    }

    private static async Task<IResult> DeleteAsync(string? path, [FromForm] string? target, [FromForm] bool isFolder, HttpContext http, PageServices page, MediaLibrary library)
        => await page.ChangeAsync(http, path, target, async normalized =>
            Notices(await library.DeleteAsync(normalized, isFolder), $"Deleted '{MediaPaths.FileNameOf(normalized)}'."));

    private static Notice[] Notices(MediaChange change, string done)
        => change.Outcome == MediaOutcome.Done
            ? [new Notice(done)]
            : [new Notice(change.Message ?? "", IsError: true), .. (change.Uses ?? []).Select(u =>
                new Notice($"Used by {u.ContentType} '{u.DisplayText}' ({(u.Published ? "published" : "draft")}, {u.Field}: {u.MediaPath})", IsError: true))];

    internal sealed record Notice(string Text, bool IsError = false);

    /// <summary>What every handler of the page needs: who may see and change what, and how the page looks.</summary>
    internal sealed class PageServices(IMediaFileStore store, MediaUrlBuilder urls, PermissionService permissions, IAntiforgery antiforgery)
    {
        /// <summary>Runs a change of <paramref name="target"/> for a signed-in editor allowed to make it, then shows
        /// the folder <paramref name="path"/> with what happened.</summary>
        public async Task<IResult> ChangeAsync(HttpContext http, string? path, string? target, Func<string, Task<Notice[]>> change)
        {
            if (SignInFirst(http) is { } signIn)
            {
                return signIn;
            }
            var normalized = target is null ? null : MediaPaths.Normalize(target) ?? (target.Length == 0 ? "" : null);
            if (normalized is null)
            {
                return await RenderAsync(http, path, [new Notice($"'{target}' is not a name or path the library can use.", IsError: true)], StatusCodes.Status400BadRequest);
            }
            if (await DenyAsync(http, normalized) is { } denied)
            {
                return denied;
            }
            var notices = await change(normalized);
            return await RenderAsync(http, path, notices, notices.Any(n => n.IsError) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }

        public async Task<IResult?> DenyAsync(HttpContext http, string path)
            => await permissions.HasPermissionAsync(http.User, MediaPermissions.ToChange(path, PermissionService.UserIdOf(http.User)))
                ? null
                : Results.Content(Document("Not allowed", "<p role=\"alert\">Your role may not change this folder.</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

        public async Task<IResult> RenderAsync(HttpContext http, string? path, IReadOnlyList<Notice> notices, int status = StatusCodes.Status200OK)
        {
            if (SignInFirst(http) is { } signIn)
            {
                return signIn;
            }
            var folder = string.IsNullOrEmpty(path) ? "" : MediaPaths.Normalize(path);
            if (folder is null || !await permissions.HasPermissionAsync(http.User, MediaPermissions.ToView(folder, PermissionService.UserIdOf(http.User))))
            {
                return Results.Content(Document("Not allowed", "<p role=\"alert\">Your role may not open this part of the media library.</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            }
            if (await store.GetDirectoryInfoAsync(folder) is null)
            {
                return Results.Content(Document("Not found", $"<p role=\"alert\">There is no folder '{Html.Encode(folder)}'.</p><p><a href=\"/admin/media\">Media library</a></p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }
            var tokens = antiforgery.GetAndStoreTokens(http);
            var hidden = $"""<input type="hidden" name="{Html.Encode(tokens.FormFieldName)}" value="{Html.Encode(tokens.RequestToken ?? "")}">""";
            var query = "?path=" + Uri.EscapeDataString(folder);
            var body = new StringBuilder();
            body.Append("<nav aria-label=\"Folders\"><a href=\"/admin/media\">Media library</a>");
            var crumb = "";
            foreach (var segment in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                crumb = MediaPaths.Combine(crumb, segment);
                body.Append(CultureInfo.InvariantCulture, $" / <a href=\"/admin/media?path={Uri.EscapeDataString(crumb)}\">{Html.Encode(segment)}</a>");
            }
            body.Append("</nav>");
            foreach (var notice in notices)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"{(notice.IsError ? "error" : "done")}\" role=\"{(notice.IsError ? "alert" : "status")}\">{Html.Encode(notice.Text)}</p>");
            }
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="/admin/media/upload{query}" enctype="multipart/form-data">{hidden}
                  <label>Files <input type="file" name="files" multiple required></label> <button type="submit">Upload</button>
                </form>
                <form method="post" action="/admin/media/folder{query}">{hidden}
                  <label>New folder <input name="name" required></label> <button type="submit">Create folder</button>
                </form>
                <table><thead><tr><th></th><th>Name</th><th>Size</th><th></th><th></th></tr></thead><tbody>
                """);
            foreach (var entry in await store.GetDirectoryContentAsync(folder))
            {
                var name = Html.Encode(entry.Name);
                var link = entry.IsDirectory
                    ? $"<a href=\"/admin/media?path={Uri.EscapeDataString(entry.Path)}\">{name}/</a>"
                    : $"<a href=\"{Html.Encode(MediaPaths.ToPublicUrl(entry.Path))}\">{name}</a>";
                var size = entry.IsDirectory ? "" : FormatSize(entry.Length);
                var image = entry.IsDirectory ? null : urls.GetImageInfo(entry.Path);
                var preview = "";
                if (image is not null)
                {
                    // A small signed variant, so a folder of camera photos opens quickly.
                    preview = $"<img src=\"{Html.Encode(urls.ResizeUrl(entry.Path, width: ThumbnailSize, height: ThumbnailSize, mode: ResizeMode.Max))}\" alt=\"\" loading=\"lazy\">";
                    size += string.Create(CultureInfo.InvariantCulture, $", {image.Width} × {image.Height}");
                }
                body.Append(CultureInfo.InvariantCulture, $"""
                    <tr data-path="{Html.Encode(entry.Path)}"><td>{preview}</td><td>{link}</td><td>{size}</td>
                    <td><form method="post" action="/admin/media/rename{query}">{hidden}<input type="hidden" name="from" value="{Html.Encode(entry.Path)}"><label>New name <input name="name" value="{name}" required></label> <button type="submit">Rename</button></form></td>
                    <td><form method="post" action="/admin/media/delete{query}">{hidden}<input type="hidden" name="target" value="{Html.Encode(entry.Path)}"><input type="hidden" name="isFolder" value="{(entry.IsDirectory ? "true" : "false")}"><button type="submit">Delete</button></form></td></tr>
                    """);
            }
            body.Append("</tbody></table>");
            return Results.Content(Document("Media library" + (folder.Length > 0 ? " – " + folder : ""), body.ToString()), "text/html; charset=utf-8", statusCode: status);
        }

        /// <summary>The page is for signed-in editors: everyone else goes to the sign-in form and comes back.</summary>
        private static IResult? SignInFirst(HttpContext http)
            => http.User.Identity?.IsAuthenticated == true
                ? null
                : Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));

        private static string FormatSize(long bytes) => bytes switch
        {
            < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
            < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB"),
        };

        private static string Document(string title, string body)
            => $"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{Html.Encode(title)}</title></head><body><h1>{Html.Encode(title)}</h1>{body}</body></html>""";
    }
}
