using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentFields.MediaField;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Media.Uploads;
using Twinning.Module.Features.Security;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.Admin.Media;

/// <summary>
/// The editors' media library page, <c>/admin/media</c>: browse folders, upload, create folders, rename and delete,
/// with the same checks and protections as the API (<see cref="MediaLibrary"/>). Plain forms posting to
/// <c>/admin/media/{upload|folder|rename|delete}?path=…</c>, each with an anti-forgery token; it works without scripts.
/// A GET of one of those addresses (the address bar after a change) shows the folder: Razor Pages falls back to
/// <see cref="OnGetAsync"/>.
/// Signed-out visitors are sent to the sign-in page and back (<see cref="AuthorizeAttribute"/>).
/// </summary>
[Authorize]
public sealed class MediaLibraryPage(
    IMediaFileStore store, MediaUrlBuilder urls, IAuthorizationService permissions, MediaLibrary library, IStringLocalizer<AdminText> t,
    IStringLocalizer<RuleText> ruleTexts) : PageModel
{
    /// <summary>Width and height of the previews in the file list, in pixels.</summary>
    private const int ThumbnailSize = 96;

    public sealed record Row(MediaEntry Entry, string Url, string Size, string? PreviewUrl);

    /// <summary>The folder shown, "" for the library root.</summary>
    public string Folder { get; private set; } = "";

    /// <summary>The folder's ancestors from the root: (name, path) for the breadcrumb links.</summary>
    public IReadOnlyList<(string Name, string Path)> Crumbs { get; private set; } = [];

    public IReadOnlyList<AdminNotice> Notices { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>This folder's address; the forms post to a handler under it.</summary>
    public string Query => "?path=" + Uri.EscapeDataString(Folder);

    public static string FolderUrl(string path) => path.Length == 0 ? "/admin/media" : "/admin/media?path=" + Uri.EscapeDataString(path);

    public Task<IActionResult> OnGetAsync(string? path) => RenderAsync(path, []);

    public Task<IActionResult> OnPostUploadAsync(string? path, IFormFileCollection files)
        // "?path=" (the root) binds as null.
        => ChangeAsync(path, path ?? "", async folder =>
        {
            if (files.Count == 0)
            {
                return [new AdminNotice(t["Media.ChooseFiles"], IsError: true)];
            }
            var (stored, errors) = await library.UploadAsync(folder, files.Select(f => (f.FileName, (Func<Stream>)f.OpenReadStream)).ToList(), HttpContext.RequestAborted);
            return errors.Count > 0
                ? [new AdminNotice(t["Media.NothingUploaded"], IsError: true), .. errors.Select(e => new AdminNotice(t["Media.FileRefused", e.FileName, ruleTexts.Text(e.Reason)], IsError: true))]
                : [new AdminNotice(t["Media.Uploaded", string.Join(", ", stored.Select(s => s.Entry.Name))])];
        });

    /// <summary>A file of the library as the media field's picker shows it (<c>Features/ContentFields/MediaField</c>):
    /// its path, name, and for an image a small signed thumbnail and a larger preview for the focal point.</summary>
    public sealed record PickerFile(string Path, string Name, string? Thumbnail, string? Preview);

    /// <summary>The most files one picker answer lists, and the most library entries one search looks at.</summary>
    private const int PickerResults = 60, PickerScan = 5000;

    /// <summary>The folder a file uploaded from a media field goes to: <c>uploads</c>, or the editor's own folder for
    /// those who may not change the shared library.</summary>
    public const string PickerUploadFolder = "uploads";

    /// <summary><c>GET /admin/media/files?q=</c>: the files the editor may see whose path contains <paramref name="q"/>
    /// (every folder searched, breadth first), as JSON for the media field's picker dialog.</summary>
    public async Task<IActionResult> OnGetFilesAsync(string? q)
    {
        var userId = PermissionService.UserIdOf(User);
        var files = new List<PickerFile>();
        var more = false;
        var scanned = 0;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var folders = new Queue<string>([.. userId is null ? [""] : new[] { "", MediaPaths.Combine(MediaPermissions.UsersFolder, userId) }]);
        while (folders.TryDequeue(out var folder) && scanned < PickerScan)
        {
            if (!visited.Add(folder) || !await permissions.HasPermissionAsync(User, MediaPermissions.ToView(folder, userId))
                || (folder.Length > 0 && await store.GetDirectoryInfoAsync(folder) is null))
            {
                continue;
            }
            foreach (var entry in await store.GetDirectoryContentAsync(folder))
            {
                scanned++;
                if (entry.IsDirectory)
                {
                    folders.Enqueue(entry.Path);
                }
                else if (string.IsNullOrWhiteSpace(q) || entry.Path.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    more |= files.Count == PickerResults;
                    if (files.Count < PickerResults)
                    {
                        files.Add(ToPickerFile(entry));
                    }
                }
            }
        }
        return new JsonResult(new { files, more });
    }

    /// <summary><c>POST /admin/media/pick</c> (anti-forgery token in the form): one file uploaded from a media field,
    /// with the same checks as the library's uploads; JSON with the stored file, or 400 with the reasons.</summary>
    public async Task<IActionResult> OnPostPickAsync(IFormFile? file)
    {
        var userId = PermissionService.UserIdOf(User);
        var folder = await permissions.HasPermissionAsync(User, MediaPermissions.ToChange(PickerUploadFolder, userId)) || userId is null
            ? PickerUploadFolder
            : MediaPaths.Combine(MediaPermissions.UsersFolder, userId);
        if (!await permissions.HasPermissionAsync(User, MediaPermissions.ToChange(folder, userId)))
        {
            return new JsonResult(new { errors = new[] { t["Media.MayNotChange"].Value } }) { StatusCode = StatusCodes.Status403Forbidden };
        }
        if (file is null)
        {
            return new JsonResult(new { errors = new[] { t["Media.ChooseFiles"].Value } }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        var (stored, errors) = await library.UploadAsync(folder, [(file.FileName, file.OpenReadStream)], HttpContext.RequestAborted);
        return errors.Count > 0
            ? new JsonResult(new { errors = errors.Select(e => t["Media.FileRefused", e.FileName, ruleTexts.Text(e.Reason)].Value) }) { StatusCode = StatusCodes.Status400BadRequest }
            : new JsonResult(ToPickerFile(stored[0].Entry));
    }

    /// <summary><c>GET /admin/media/suggestions?path=&amp;culture=&amp;item=</c>: the alternative texts other items gave an
    /// image of the library (<see cref="MediaAltSuggestions"/>, leaving out <paramref name="item"/> itself), as JSON for the
    /// media field's script, which offers them right after a pick as the editor's page offers them when drawn. Only for a
    /// file the editor may see; nothing for a file that is not an image.</summary>
    public async Task<IActionResult> OnGetSuggestionsAsync(string? path, string? culture, string? item, [FromServices] MediaAltSuggestions suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var normalized = MediaPaths.Normalize(path);
        if (normalized is not { Length: > 0 } || !MediaFieldEditor.IsImage(normalized))
        {
            return new JsonResult(new { suggestions = Array.Empty<object>() });
        }
        if (!await permissions.HasPermissionAsync(User, MediaPermissions.ToView(normalized, PermissionService.UserIdOf(User))))
        {
            return new JsonResult(new { errors = new[] { t["Problem.NotAllowed"].Value } }) { StatusCode = StatusCodes.Status403Forbidden };
        }
        var found = await suggestions.ForAsync(normalized, string.IsNullOrEmpty(culture) ? null : culture, string.IsNullOrEmpty(item) ? null : item);
        return new JsonResult(new { suggestions = found.Select(s => new { text = s.Text, usedIn = s.UsedIn }) });
    }

    private PickerFile ToPickerFile(MediaEntry entry)
        => urls.GetImageInfo(entry.Path) is null
            ? new PickerFile(entry.Path, entry.Name, null, null)
            : new PickerFile(entry.Path, entry.Name, urls.ResizeUrl(entry.Path, width: ThumbnailSize, height: ThumbnailSize, mode: ResizeMode.Max),
                urls.ResizeUrl(entry.Path, width: MediaFieldEditor.PreviewSize, height: MediaFieldEditor.PreviewSize, mode: ResizeMode.Max));

    public Task<IActionResult> OnPostFolderAsync(string? path, string? name)
    {
        var folder = MediaPaths.Normalize(path) ?? "";
        var safe = MediaFileNames.Normalize(name);
        return ChangeAsync(path, safe is null ? null : MediaPaths.Combine(folder, safe), async target =>
            Outcome(await library.CreateFolderAsync(target), t["Media.FolderCreated", safe!]));
    }

    public async Task<IActionResult> OnPostRenameAsync(string? path, string? from, string? name)
    {
        var folder = MediaPaths.Normalize(path) ?? "";
        var source = MediaPaths.Normalize(from);
        var safe = MediaFileNames.Normalize(name);
        if (source is null || safe is null)
        {
            return await RenderAsync(path, [new AdminNotice(t["Media.NameRules"], IsError: true)], StatusCodes.Status400BadRequest);
        }
        var target = MediaPaths.Combine(folder, safe);
        if (await DenyChangeAsync(source) is { } denied)
        {
            return denied;
        }
        return await ChangeAsync(path, target, async _ =>
            Outcome(await library.MoveAsync(source, target), t["Media.Renamed", MediaPaths.FileNameOf(source), safe]));
    }

    public Task<IActionResult> OnPostDeleteAsync(string? path, string? target, bool isFolder)
        => ChangeAsync(path, target, async normalized =>
            Outcome(await library.DeleteAsync(normalized, isFolder), t["Media.Deleted", MediaPaths.FileNameOf(normalized)]));

    private AdminNotice[] Outcome(MediaChange change, string done)
        => change.Outcome == MediaOutcome.Done
            ? [new AdminNotice(done)]
            : [new AdminNotice(change.Message is null ? "" : ruleTexts.Text(change.Message), IsError: true), .. (change.Uses ?? []).Select(u => new AdminNotice(
                t["Media.UsedBy", u.ContentType, u.DisplayText ?? "", t[u.Published ? "Media.Published" : "Media.Draft"], u.Field, u.MediaPath], IsError: true))];

    /// <summary>Runs a change of <paramref name="target"/> for an editor allowed to make it, then shows the folder
    /// <paramref name="path"/> with what happened.</summary>
    private async Task<IActionResult> ChangeAsync(string? path, string? target, Func<string, Task<AdminNotice[]>> change)
    {
        var normalized = target is null ? null : MediaPaths.Normalize(target) ?? (target.Length == 0 ? "" : null);
        if (normalized is null)
        {
            return await RenderAsync(path, [new AdminNotice(t["Media.UnusablePath", target ?? ""], IsError: true)], StatusCodes.Status400BadRequest);
        }
        if (await DenyChangeAsync(normalized) is { } denied)
        {
            return denied;
        }
        var notices = await change(normalized);
        return await RenderAsync(path, notices, notices.Any(n => n.IsError) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private async Task<IActionResult?> DenyChangeAsync(string path)
        => await permissions.HasPermissionAsync(User, MediaPermissions.ToChange(path, PermissionService.UserIdOf(User)))
            ? null
            : new AdminProblem(t["Problem.NotAllowed"], t["Media.MayNotChange"]).ToResult(this, StatusCodes.Status403Forbidden);

    private async Task<IActionResult> RenderAsync(string? path, IReadOnlyList<AdminNotice> notices, int status = StatusCodes.Status200OK)
    {
        var folder = string.IsNullOrEmpty(path) ? "" : MediaPaths.Normalize(path);
        if (folder is null || !await permissions.HasPermissionAsync(User, MediaPermissions.ToView(folder, PermissionService.UserIdOf(User))))
        {
            return new AdminProblem(t["Problem.NotAllowed"], t["Media.MayNotOpen"]).ToResult(this, StatusCodes.Status403Forbidden);
        }
        if (await store.GetDirectoryInfoAsync(folder) is null)
        {
            return new AdminProblem(t["Problem.NotFound"], t["Media.NoSuchFolder", folder], t["Media.Title"], "/admin/media").ToResult(this, StatusCodes.Status404NotFound);
        }
        Folder = folder;
        Notices = notices;
        var crumbs = new List<(string, string)>();
        var crumb = "";
        foreach (var segment in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            crumb = MediaPaths.Combine(crumb, segment);
            crumbs.Add((segment, crumb));
        }
        Crumbs = crumbs;
        Rows = [.. (await store.GetDirectoryContentAsync(folder)).Select(ToRow)];
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private Row ToRow(MediaEntry entry)
    {
        if (entry.IsDirectory)
        {
            return new Row(entry, FolderUrl(entry.Path), "", null);
        }
        var size = FormatSize(entry.Length);
        // A small signed variant, so a folder of camera photos opens quickly.
        if (urls.GetImageInfo(entry.Path) is { } image)
        {
            return new Row(entry, MediaPaths.ToPublicUrl(entry.Path),
                string.Create(CultureInfo.CurrentCulture, $"{size}, {image.Width} × {image.Height}"),
                urls.ResizeUrl(entry.Path, width: ThumbnailSize, height: ThumbnailSize, mode: ResizeMode.Max));
        }
        return new Row(entry, MediaPaths.ToPublicUrl(entry.Path), size, null);
    }

    /// <summary>In the editor's culture: "1.5 KB" in English, "1,5 KB" in Polish.</summary>
    private static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1048576.0:0.#} MB"),
    };
}
