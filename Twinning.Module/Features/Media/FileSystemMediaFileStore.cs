using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;

namespace Twinning.Module.Features.Media;

/// <summary>The media library in a folder of the file system, by default <c>{DataPath}/Media</c>.</summary>
public sealed class FileSystemMediaFileStore : IMediaFileStore
{
    public FileSystemMediaFileStore(IOptions<TwinningOptions> options)
    {
        Root = Path.GetFullPath(Path.Combine(options.Value.DataPath, "Media"));
        Directory.CreateDirectory(Root);
        FileProvider = new PhysicalFileProvider(Root);
    }

    public string Root { get; }

    public IFileProvider FileProvider { get; }

    /// <summary>The file system path of a library path, refusing anything that escapes the media folder.</summary>
    public string MapPath(string libraryPath)
    {
        var normalized = MediaPaths.Normalize(libraryPath)
            ?? throw new ArgumentException($"'{libraryPath}' is not a media library path.", nameof(libraryPath));
        return Path.Combine(Root, normalized.Replace('/', Path.DirectorySeparatorChar));
    }

    public Task<MediaEntry?> GetFileInfoAsync(string path)
    {
        var full = TryMap(path);
        return Task.FromResult(full is not null && File.Exists(full) ? Entry(new FileInfo(full)) : null);
    }

    public Task<MediaEntry?> GetDirectoryInfoAsync(string path)
    {
        var full = path.Length == 0 ? Root : TryMap(path);
        return Task.FromResult(full is not null && Directory.Exists(full) ? Entry(new DirectoryInfo(full)) : null);
    }

    public Task<IReadOnlyList<MediaEntry>> GetDirectoryContentAsync(string path)
    {
        var folder = new DirectoryInfo(path.Length == 0 ? Root : MapPath(path));
        var folders = new List<MediaEntry>();
        var files = new List<MediaEntry>();
        try
        {
            foreach (var info in folder.EnumerateFileSystemInfos())
            {
                if (info is FileInfo && IsTemporary(info.Name))
                {
                    continue;
                }
                try
                {
                    (info is DirectoryInfo ? folders : files).Add(Entry(info));
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    // Deleted, moved or (a claimed name) replaced while the folder was read: not there any more.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The folder itself went: it has nothing in it.
        }
        IReadOnlyList<MediaEntry> entries = [.. folders.OrderBy(e => e.Name, StringComparer.Ordinal), .. files.OrderBy(e => e.Name, StringComparer.Ordinal)];
        return Task.FromResult(entries);
    }

    public Task<Stream> OpenReadAsync(string path)
        => Task.FromResult<Stream>(new FileStream(MapPath(path), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public async Task CreateFileAsync(string path, Stream content, bool overwrite = false)
    {
        var target = MapPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and moved into place, so a reader never sees half a file; listings skip it.
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, TemporaryName(Path.GetFileName(target)));
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file);
            }
            if (!overwrite)
            {
                // Claims the name atomically (a move that must not overwrite checks, then renames: two writers
                // could both pass the check); the finished file then replaces the empty claim.
                new FileStream(target, FileMode.CreateNew, FileAccess.Write).Dispose();
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task CreateDirectoryAsync(string path)
    {
        Directory.CreateDirectory(MapPath(path));
        return Task.CompletedTask;
    }

    public Task MoveAsync(string oldPath, string newPath)
    {
        var source = MapPath(oldPath);
        var target = MapPath(newPath);
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new IOException($"'{newPath}' already exists.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (Directory.Exists(source))
        {
            Directory.Move(source, target);
        }
        else
        {
            File.Move(source, target);
        }
        return Task.CompletedTask;
    }

    public Task<bool> TryDeleteFileAsync(string path)
    {
        var full = MapPath(path);
        if (!File.Exists(full))
        {
            return Task.FromResult(false);
        }
        File.Delete(full);
        return Task.FromResult(true);
    }

    public Task<bool> TryDeleteDirectoryAsync(string path)
    {
        var full = MapPath(path);
        if (!Directory.Exists(full))
        {
            return Task.FromResult(false);
        }
        Directory.Delete(full, recursive: true);
        return Task.FromResult(true);
    }

    /// <summary>A file being written: its name starts with '.', which no uploaded or created name does, and ends with
    /// <c>.tmp</c>.</summary>
    private static string TemporaryName(string name) => $".{name}.{Guid.NewGuid():N}.tmp";

    private static bool IsTemporary(string name) => name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);

    private string? TryMap(string path) => MediaPaths.Normalize(path) is null ? null : MapPath(path);

    private MediaEntry Entry(FileSystemInfo info)
    {
        var relative = Path.GetRelativePath(Root, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
        return new MediaEntry(relative == "." ? "" : relative, info.Name, info is DirectoryInfo,
            info is FileInfo file ? file.Length : 0, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }
}
