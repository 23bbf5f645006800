namespace Twinning.Module.Features.Media;

/// <summary>Files to write into the library once the database work they belong to has committed; dropped otherwise.
/// One per scope, so that content validated in the same scope may already use them.</summary>
public sealed class MediaStaging(IMediaFileStore store) : IMediaLookup, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "twinning-media-" + Guid.NewGuid().ToString("N"));
    private readonly List<(string Staged, string Target)> _files = [];

    public async Task AddAsync(string libraryPath, byte[] content)
    {
        Directory.CreateDirectory(_folder);
        var staged = Path.Combine(_folder, _files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await File.WriteAllBytesAsync(staged, content);
        _files.Add((staged, libraryPath));
    }

    /// <summary>Whether the file is in the library, or staged here to be written there.</summary>
    public async Task<bool> FileExistsAsync(string libraryPath)
        => _files.Exists(f => f.Target == libraryPath) || await store.GetFileInfoAsync(libraryPath) is not null;

    public async Task CommitAsync()
    {
        foreach (var (staged, target) in _files)
        {
            await using var content = File.OpenRead(staged);
            await store.CreateFileAsync(target, content, overwrite: true);
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
