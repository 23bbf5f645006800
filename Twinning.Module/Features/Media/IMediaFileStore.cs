using Microsoft.Extensions.FileProviders;

namespace Twinning.Module.Features.Media;

/// <summary>A file or folder of the media library, addressed by its library path (<c>gallery/2013/photo.jpg</c>).</summary>
public sealed record MediaEntry(string Path, string Name, bool IsDirectory, long Length, DateTimeOffset LastModifiedUtc);

/// <summary>
/// Where the media library lives. The default keeps it under the site's data folder; a shared store (a network
/// share, object storage) implements the same calls so that several instances serve one library.
/// Every path is a library path: forward slashes, no leading slash, never outside the library.
/// </summary>
public interface IMediaFileStore
{
    /// <summary>What serves the files under <c>/media/</c>.</summary>
    IFileProvider FileProvider { get; }

    Task<MediaEntry?> GetFileInfoAsync(string path);

    Task<MediaEntry?> GetDirectoryInfoAsync(string path);

    /// <summary>The folders, then the files, directly inside a folder ("" is the root), by name.</summary>
    Task<IReadOnlyList<MediaEntry>> GetDirectoryContentAsync(string path);

    Task<Stream> OpenReadAsync(string path);

    /// <summary>Writes a file, creating its folders; fails when it exists and <paramref name="overwrite"/> is false.</summary>
    Task CreateFileAsync(string path, Stream content, bool overwrite = false);

    Task CreateDirectoryAsync(string path);

    /// <summary>Moves or renames a file or a folder; fails when the target exists.</summary>
    Task MoveAsync(string oldPath, string newPath);

    Task<bool> TryDeleteFileAsync(string path);

    /// <summary>Deletes a folder with everything in it.</summary>
    Task<bool> TryDeleteDirectoryAsync(string path);
}
