using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Module.Features.Media.Uploads;
using Twinning.Module.Features.Storage;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.Media;

/// <summary>A content item that uses a library file, for the answer to a refused delete or move.</summary>
public sealed record MediaUse(string ContentItemId, string ContentType, string? DisplayText, bool Published, bool Latest, string Field, string MediaPath);

/// <summary>How a change to the library went.</summary>
public enum MediaOutcome
{
    Done,
    Invalid,
    NotFound,
    Exists,
    InUse,
}

/// <summary>The outcome of a change, with what an editor needs to read: the message, the input it is about, the
/// items that use the file, or the entry that now exists.</summary>
public sealed record MediaChange(MediaOutcome Outcome, RuleMessage? Message = null, string? Field = null, IReadOnlyList<MediaUse>? Uses = null, MediaEntry? Entry = null)
{
    public static MediaChange Done(MediaEntry? entry = null) => new(MediaOutcome.Done, Entry: entry);
}

/// <summary>A file that could not be taken, by its position in the upload and why.</summary>
public sealed record MediaUploadError(int Index, string FileName, RuleMessage Reason);

/// <summary>
/// The media library's operations: every upload passes <see cref="MediaFileChecker"/>, an upload of several files
/// is stored whole or not at all, names never collide, and a file (or folder) that the latest or published
/// version of any content item uses is neither deleted nor moved.
/// </summary>
public sealed class MediaLibrary(IMediaFileStore store, MediaFileChecker checker, TwinningDbContext db)
{
    /// <summary>The content items whose latest or published version uses the file, or anything in the folder.</summary>
    public async Task<IReadOnlyList<MediaUse>> FindUsesAsync(string path, bool isFolder)
    {
        var prefix = path + "/";
        var rows = await (
            from r in db.Set<ContentMediaReferenceRecord>().AsNoTracking()
            join v in db.ContentItemVersions.AsNoTracking() on r.ContentItemVersionRecordId equals v.Id
            where (v.Latest || v.Published) && (r.MediaPath == path || (isFolder && r.MediaPath.StartsWith(prefix)))
            select new { v.ContentItemId, v.ContentType, v.DisplayText, v.Published, v.Latest, r.FieldPath, r.MediaPath })
            .ToListAsync();
        // A draft and its published version are one item to the editor.
        return rows
            .GroupBy(r => (r.ContentItemId, r.FieldPath, r.MediaPath))
            .Select(g => new MediaUse(g.Key.ContentItemId, g.First().ContentType, g.OrderByDescending(r => r.Latest).First().DisplayText,
                g.Any(r => r.Published), g.Any(r => r.Latest), g.Key.FieldPath, g.Key.MediaPath))
            .OrderBy(u => u.ContentType, StringComparer.Ordinal).ThenBy(u => u.DisplayText, StringComparer.CurrentCulture).ThenBy(u => u.MediaPath, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<MediaChange> CreateFolderAsync(string folder)
    {
        if (await ExistsAsync(folder))
        {
            return new MediaChange(MediaOutcome.Exists, RuleMessage.Of("Library.Exists", ("path", folder)), "path");
        }
        if (await RefuseNewFolderNamesAsync(folder) is { } reason)
        {
            return new MediaChange(MediaOutcome.Invalid, reason, "path");
        }
        await store.CreateDirectoryAsync(folder);
        return MediaChange.Done(await store.GetDirectoryInfoAsync(folder));
    }

    /// <summary>Null when each folder that writing into <paramref name="folder"/> would create has a safe name (the rule
    /// of uploaded file names), else why not: folder names are shown to editors and put in URLs, so none may hold
    /// markup. Folders that exist already are left as they are.</summary>
    public async Task<RuleMessage?> RefuseNewFolderNamesAsync(string folder)
    {
        for (var path = folder; path.Length > 0 && await store.GetDirectoryInfoAsync(path) is null; path = MediaPaths.FolderOf(path))
        {
            var name = MediaPaths.FileNameOf(path);
            if (MediaFileNames.Normalize(name) != name)
            {
                return RuleMessage.Of("Library.UnsafeFolderName", ("name", name));
            }
        }
        return null;
    }

    /// <summary>Moves or renames a file or folder, unless content uses it: its pages would lose the file.</summary>
    public async Task<MediaChange> MoveAsync(string from, string to)
    {
        var file = await store.GetFileInfoAsync(from);
        var isFolder = file is null && await store.GetDirectoryInfoAsync(from) is not null;
        if (file is null && !isFolder)
        {
            return new MediaChange(MediaOutcome.NotFound, RuleMessage.Of("Library.NoSuchEntry", ("path", from)), "from");
        }
        if (isFolder && (to + "/").StartsWith(from + "/", StringComparison.Ordinal))
        {
            return new MediaChange(MediaOutcome.Invalid, RuleMessage.Of("Library.IntoItself", ("from", from), ("to", to)), "to");
        }
        if (file is not null && !string.Equals(Path.GetExtension(from), Path.GetExtension(to), StringComparison.OrdinalIgnoreCase))
        {
            return new MediaChange(MediaOutcome.Invalid, RuleMessage.Of("Library.ExtensionKept", ("extension", Path.GetExtension(from))), "to");
        }
        if (await ExistsAsync(to))
        {
            return new MediaChange(MediaOutcome.Exists, RuleMessage.Of("Library.Exists", ("path", to)), "to");
        }
        if (await RefuseNewFolderNamesAsync(MediaPaths.FolderOf(to)) is { } reason)
        {
            return new MediaChange(MediaOutcome.Invalid, reason, "to");
        }
        if (await FindUsesAsync(from, isFolder) is { Count: > 0 } uses)
        {
            return new MediaChange(MediaOutcome.InUse, RuleMessage.Of("Library.InUseCannotMove", ("path", from)), "from", uses);
        }
        await store.MoveAsync(from, to);
        return MediaChange.Done(isFolder ? await store.GetDirectoryInfoAsync(to) : await store.GetFileInfoAsync(to));
    }

    /// <summary>Deletes a file, or a folder with everything in it, unless content uses it.</summary>
    public async Task<MediaChange> DeleteAsync(string path, bool isFolder)
    {
        if ((isFolder ? await store.GetDirectoryInfoAsync(path) : await store.GetFileInfoAsync(path)) is null)
        {
            return new MediaChange(MediaOutcome.NotFound, RuleMessage.Of(isFolder ? "Library.NoSuchFolder" : "Library.NoSuchFile", ("path", path)), "path");
        }
        if (await FindUsesAsync(path, isFolder) is { Count: > 0 } uses)
        {
            return new MediaChange(MediaOutcome.InUse, RuleMessage.Of(isFolder ? "Library.FolderInUse" : "Library.FileInUse", ("path", path)), "path", uses);
        }
        _ = isFolder ? await store.TryDeleteDirectoryAsync(path) : await store.TryDeleteFileAsync(path);
        return MediaChange.Done();
    }

    /// <summary>Writes the file under the first free name; another upload that takes the name meanwhile only moves
    /// this one to the next.</summary>
    private async Task<string> CreateUniqueAsync(string folder, CheckedMediaFile file, HashSet<string> taken)
    {
        while (true)
        {
            var name = MediaFileNames.Unique(file.FileName, taken.Contains);
            taken.Add(name);
            var path = MediaPaths.Combine(folder, name);
            try
            {
                await store.CreateFileAsync(path, new MemoryStream(file.Content));
                return path;
            }
            catch (IOException)
            {
                // Taken by a concurrent upload: try the next name; any other failure stands.
                if (await store.GetFileInfoAsync(path) is null)
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> ExistsAsync(string path)
        => await store.GetFileInfoAsync(path) is not null || await store.GetDirectoryInfoAsync(path) is not null;

    /// <summary>Checks every file, then stores them all in <paramref name="folder"/> under unique names; when any
    /// file is refused, nothing is stored.</summary>
    public async Task<(IReadOnlyList<(MediaEntry Entry, CheckedMediaFile File)> Stored, IReadOnlyList<MediaUploadError> Errors)> UploadAsync(
        string folder, IReadOnlyList<(string FileName, Func<Stream> Open)> files, CancellationToken cancellationToken)
    {
        var accepted = new List<CheckedMediaFile>();
        var errors = new List<MediaUploadError>();
        for (var i = 0; i < files.Count; i++)
        {
            await using var content = files[i].Open();
            var (file, reason) = await checker.CheckAsync(files[i].FileName, content, cancellationToken);
            if (file is null)
            {
                errors.Add(new MediaUploadError(i, files[i].FileName, reason!));
            }
            else
            {
                accepted.Add(file);
            }
        }
        if (errors.Count == 0 && await RefuseNewFolderNamesAsync(folder) is { } unsafeFolder)
        {
            errors.AddRange(files.Select((f, i) => new MediaUploadError(i, f.FileName, RuleMessage.Of("Library.CannotStoreIn", ("reason", unsafeFolder)))));
        }
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var stored = new List<(MediaEntry, CheckedMediaFile)>();
        // Names that differ only in case collide too: they confuse editors and clash on case-insensitive storage.
        var taken = (await store.GetDirectoryContentAsync(folder)).Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var file in accepted)
            {
                var path = await CreateUniqueAsync(folder, file, taken);
                stored.Add(((await store.GetFileInfoAsync(path))!, file));
            }
        }
        catch
        {
            // Whole or not at all: what this upload already wrote goes again.
            foreach (var (entry, _) in stored)
            {
                await store.TryDeleteFileAsync(entry.Path);
            }
            throw;
        }
        return (stored, []);
    }
}
