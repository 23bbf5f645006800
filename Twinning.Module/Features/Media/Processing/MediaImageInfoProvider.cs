using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Twinning.Core.Content;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>Image sizes and formats for URL building and GraphQL, read from headers and kept in memory per
/// source version (path, length, last change), so asking again costs one file lookup.</summary>
public sealed class MediaImageInfoProvider(IMediaFileStore store)
{
    // Enough for every image of a large site; past it the map starts over rather than grow without bound.
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _known = new(StringComparer.Ordinal);

    private sealed record Entry(long Length, long Modified, MediaImageInfo? Info, string Version);

    /// <summary>Null when the path is no file, or not an image Twinning resizes.</summary>
    public MediaImageInfo? Get(string path) => Lookup(path)?.Info;

    /// <summary>A short text that changes whenever the file is replaced, for the <c>v</c> of its URLs; null when
    /// there is no such file.</summary>
    public string? VersionOf(string path) => Lookup(path)?.Version;

    private Entry? Lookup(string path)
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
            return entry;
        }
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{normalized}\n{file.Length}\n{modified}")).AsSpan(0, 6));
        if (_known.Count >= MaxEntries)
        {
            _known.Clear();
        }
        return _known[normalized] = new Entry(file.Length, modified, MediaImageEngine.ReadInfo(file), version);
    }
}
