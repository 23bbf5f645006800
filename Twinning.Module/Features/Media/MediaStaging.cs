using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Media;

/// <summary>The media files a committed recipe still has to write into the library, stored in that recipe's own
/// transaction under <c>MediaStaging/{folder}</c> and removed once the files are in place.</summary>
public sealed class PendingMediaDocument
{
    public List<PendingMediaFile> Files { get; set; } = [];
}

/// <param name="Staged">The file's name in its staging folder.</param>
/// <param name="Target">Its library path.</param>
public sealed record PendingMediaFile(string Staged, string Target);

/// <summary>
/// The folder <c>{DataPath}/MediaStaging</c>, where media files wait for the database work they belong to. Each
/// run stages into a folder of its own, on disk before the database commits, and the commit records the files
/// (<see cref="PendingMediaDocument"/>). When the process ends after the commit and before the last file is in
/// the library (a crash, kill -9, a failing store), the next start finishes the writes (<see cref="RecoverAsync"/>),
/// so content never keeps pointing at files that were never written.
/// </summary>
public sealed class MediaStagingArea(IMediaFileStore store, IOptions<TwinningOptions> options, TimeProvider clock, ILogger<MediaStagingArea> logger)
{
    public const string DocumentPrefix = "MediaStaging/";

    /// <summary>Instances sharing the data folder stage here too, so a folder nothing records is removed only once
    /// it is older than any run could still be using it.</summary>
    public static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(1);

    public string Root => Path.Combine(options.Value.DataPath, "MediaStaging");

    public MediaStaging Begin() => new(this, Guid.NewGuid().ToString("N"));

    /// <summary>At start: completes the writes of every recorded run, then removes folders nothing records.</summary>
    public async Task RecoverAsync(DocumentStore documents)
    {
        var unfinished = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in await documents.NamesStartingWithAsync(DocumentPrefix))
        {
            var id = name[DocumentPrefix.Length..];
            // The name comes from the database; as a folder name it must stay inside the staging folder.
            if (!Guid.TryParseExact(id, "N", out _))
            {
                continue;
            }
            var folder = Path.Combine(Root, id);
            var pending = await documents.LoadAsync<PendingMediaDocument>(name);
            if (!Directory.Exists(folder))
            {
                logger.LogError("The {Count} media files recorded under '{Name}' are gone from '{Folder}' and cannot be written to the library: {Files}",
                    pending.Files.Count, name, folder, string.Join(", ", pending.Files.Select(f => f.Target)));
            }
            else
            {
                try
                {
                    await WriteAsync(folder, pending.Files);
                }
                catch (IOException e)
                {
                    // Kept for the next start; another instance starting at the same time may also have finished it.
                    logger.LogError(e, "Could not finish writing the media files recorded under '{Name}'; the next start tries again.", name);
                    unfinished.Add(id);
                    continue;
                }
                logger.LogInformation("Wrote {Count} media files of a recipe that committed but stopped before its media were in place.", pending.Files.Count);
            }
            await documents.DeleteAsync(name);
            Remove(folder);
        }
        if (!Directory.Exists(Root))
        {
            return;
        }
        var cutoff = clock.GetUtcNow().UtcDateTime - LeftoverAge;
        foreach (var folder in new DirectoryInfo(Root).EnumerateDirectories())
        {
            if (!unfinished.Contains(folder.Name) && folder.LastWriteTimeUtc < cutoff)
            {
                logger.LogInformation("Removed the media staging folder '{Folder}' of a run that did not commit.", folder.FullName);
                Remove(folder.FullName);
            }
        }
    }

    internal async Task<bool> FileExistsAsync(string libraryPath) => await store.GetFileInfoAsync(libraryPath) is not null;

    internal async Task WriteAsync(string folder, IEnumerable<PendingMediaFile> files)
    {
        foreach (var file in files)
        {
            await using var content = File.OpenRead(Path.Combine(folder, file.Staged));
            await store.CreateFileAsync(file.Target, content, overwrite: true);
        }
    }

    internal static void Remove(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Files to write into the library once the database work they belong to has committed; dropped otherwise.
/// Call <see cref="RecordAsync"/> inside the transaction just before it commits and <see cref="CommitAsync"/> after.
/// One per scope, so that content validated in the same scope may already use them.</summary>
public sealed class MediaStaging : IMediaLookup, IDisposable
{
    private readonly MediaStagingArea _area;
    private readonly string _name;
    private readonly string _folder;
    private readonly List<PendingMediaFile> _files = [];
    private readonly HashSet<string> _expected = new(StringComparer.Ordinal);
    private bool _committing;

    internal MediaStaging(MediaStagingArea area, string id)
    {
        _area = area;
        _name = MediaStagingArea.DocumentPrefix + id;
        _folder = Path.Combine(area.Root, id);
    }

    public async Task AddAsync(string libraryPath, byte[] content)
    {
        Directory.CreateDirectory(_folder);
        var staged = _files.Count.ToString(CultureInfo.InvariantCulture);
        await using (var file = new FileStream(Path.Combine(_folder, staged), FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await file.WriteAsync(content);
            // On disk before the database commits: after the commit, these bytes are the only copy a restart can use.
            file.Flush(flushToDisk: true);
        }
        _files.Add(new PendingMediaFile(staged, libraryPath));
    }

    /// <summary>Files a later step of the same run will stage: content may name them before they are staged, as in
    /// an Orchard Core recipe whose media step comes after its content step. Should that step fail, so does the run.</summary>
    public void Expect(IEnumerable<string> libraryPaths) => _expected.UnionWith(libraryPaths);

    /// <summary>Whether the file is in the library, or staged (or expected) here to be written there.</summary>
    public async Task<bool> FileExistsAsync(string libraryPath)
        => _expected.Contains(libraryPath) || _files.Exists(f => f.Target == libraryPath) || await _area.FileExistsAsync(libraryPath);

    /// <summary>Records the staged files in the transaction under way, so that a restart finishes what it committed.</summary>
    public async Task RecordAsync(DocumentStore documents)
    {
        if (_files.Count > 0)
        {
            await documents.SaveAsync(_name, new PendingMediaDocument { Files = _files });
        }
    }

    /// <summary>Writes the files into the library once the transaction has committed, then forgets them.</summary>
    public async Task CommitAsync(DocumentStore documents)
    {
        if (_files.Count == 0)
        {
            return;
        }
        // From here on the database refers to these files: if this fails part way, the folder stays for the next start.
        _committing = true;
        await _area.WriteAsync(_folder, _files);
        await documents.DeleteAsync(_name);
        _committing = false;
        _files.Clear();
    }

    public void Dispose()
    {
        if (!_committing)
        {
            MediaStagingArea.Remove(_folder);
        }
    }
}
