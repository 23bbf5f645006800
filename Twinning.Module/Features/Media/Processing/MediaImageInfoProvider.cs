using System.Collections.Concurrent;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>Image sizes and formats for URL building and GraphQL, read from headers and kept in memory per
/// source version (path, length, last change), so asking again costs one file lookup.</summary>
public sealed class MediaImageInfoProvider(IMediaFileStore store)
{
    // Enough for every image of a large site; past it the map starts over rather than grow without bound.
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, (long Length, long Modified, MediaImageInfo? Info)> _known = new(StringComparer.Ordinal);

    /// <summary>Null when the path is no file, or not an image Twinning resizes.</summary>
    public MediaImageInfo? Get(string path)
    {
        if (MediaPaths.Normalize(path) is not { } normalized)
        {
            return null;
        }
        var file = store.FileProvider.GetFileInfo(normalized);
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }
        var modified = file.LastModified.UtcTicks;
        if (_known.TryGetValue(normalized, out var entry) && entry.Length == file.Length && entry.Modified == modified)
        {
            return entry.Info;
        }
        var info = MediaImageEngine.ReadInfo(file);
        if (_known.Count >= MaxEntries)
        {
            _known.Clear();
        }
        _known[normalized] = (file.Length, modified, info);
        return info;
    }
}
