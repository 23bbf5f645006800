using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Media;

/// <summary>Media files under the site's data folder (<c>{DataPath}/Media</c>), addressed by library paths
/// such as <c>gallery/2013/photo.jpg</c> and served under <c>/media/</c>.</summary>
public sealed class MediaFileStore(IOptions<TwinningOptions> options)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(options.Value.DataPath, "Media"));

    /// <summary>The file system path of a library path, refusing anything that escapes the media folder.</summary>
    public string MapPath(string libraryPath)
    {
        var normalized = NormalizePath(libraryPath)
            ?? throw new ArgumentException($"'{libraryPath}' is not a media library path.", nameof(libraryPath));
        return Path.Combine(Root, normalized.Replace('/', Path.DirectorySeparatorChar));
    }

    public bool Exists(string libraryPath) => NormalizePath(libraryPath) is not null && File.Exists(MapPath(libraryPath));

    /// <summary>A library path with forward slashes and no leading slash, or null when it is empty or leaves the library.</summary>
    public static string? NormalizePath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is "." or ".." || s.Any(char.IsControl) || s.Contains(':', StringComparison.Ordinal)))
        {
            return null;
        }
        return string.Join('/', segments);
    }

    /// <summary>Files to write once the database work they belong to has committed; dropped otherwise.</summary>
    public MediaStaging BeginStaging() => new(this);
}

public sealed class MediaStaging(MediaFileStore store) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "twinning-media-" + Guid.NewGuid().ToString("N"));
    private readonly List<(string Staged, string Target)> _files = [];

    public async Task AddAsync(string libraryPath, byte[] content)
    {
        var target = store.MapPath(libraryPath);
        Directory.CreateDirectory(_folder);
        var staged = Path.Combine(_folder, _files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await File.WriteAllBytesAsync(staged, content);
        _files.Add((staged, target));
    }

    public void Commit()
    {
        foreach (var (staged, target) in _files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(staged, target, overwrite: true);
        }
        _files.Clear();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
