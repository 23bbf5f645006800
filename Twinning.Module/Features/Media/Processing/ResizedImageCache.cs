using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>A resized image on disk, with the headers it is served with.</summary>
public sealed class CachedVariant(string key, string physicalPath, long length, MediaFormat format)
{
    public string Key { get; } = key;
    public string PhysicalPath { get; } = physicalPath;
    public long Length { get; } = length;
    public string ContentType { get; } = MediaImageEngine.ContentType(format);

    /// <summary>Strong: the key names the source version and the commands, and one key always yields the same bytes.</summary>
    public string ETag { get; } = "\"" + key + "\"";

    internal long LastUse;
    internal volatile bool Evicted;
}

/// <summary>
/// Resized images under <c>{DataPath}/MediaCache</c>, named by a hash of the source (path, length, last change)
/// and the normalised commands, so a replaced original is never answered from an old variant. The index is
/// rebuilt from the folder at start, so variants outlive restarts. The folder is kept under
/// <see cref="MediaOptions.ResizedCacheMaxSize"/> by deleting the least recently used variants, and a variant
/// asked for by many requests at once is computed by the first and awaited by the others.
/// </summary>
public sealed class ResizedImageCache
{
    private readonly ConcurrentDictionary<string, CachedVariant> _variants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<(CachedVariant, byte[])>>> _pending = new(StringComparer.Ordinal);
    private readonly Lock _eviction = new();
    private readonly IOptions<MediaOptions> _options;
    private readonly ILogger<ResizedImageCache> _logger;
    private long _size;
    private long _clock;
    private long _created;

    public ResizedImageCache(IOptions<TwinningOptions> twinning, IOptions<MediaOptions> options, ILogger<ResizedImageCache> logger)
    {
        _options = options;
        _logger = logger;
        Root = Path.Combine(twinning.Value.DataPath, "MediaCache");
        Directory.CreateDirectory(Root);
        Load();
    }

    public string Root { get; }

    /// <summary>Bytes of all variants on disk.</summary>
    public long Size => Interlocked.Read(ref _size);

    public int Count => _variants.Count;

    /// <summary>Variants this instance computed since it started.</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>The key of a variant: which source version, which commands.</summary>
    public static string KeyOf(string path, long length, DateTimeOffset lastModified, string normalizedCommands)
    {
        var text = $"{path}\n{length}\n{lastModified.UtcTicks}\n{normalizedCommands}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    public bool TryGet(string key, out CachedVariant variant)
    {
        if (_variants.TryGetValue(key, out variant!))
        {
            variant.LastUse = Interlocked.Increment(ref _clock);
            return true;
        }
        return false;
    }

    /// <summary>The variant, computing and storing it if needed. The content comes back too when this call (or the
    /// computation it waited for) produced it, so it can be answered even if the bound already evicted it.</summary>
    public async Task<(CachedVariant Variant, byte[]? Content)> GetOrCreateAsync(string key, Func<Task<ProcessedImage>> create)
    {
        if (TryGet(key, out var known))
        {
            return (known, null);
        }
        var pending = _pending.GetOrAdd(key, k => new Lazy<Task<(CachedVariant, byte[])>>(() => StoreAsync(k, create)));
        try
        {
            return await pending.Value;
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Lazy<Task<(CachedVariant, byte[])>>>(key, pending));
        }
    }

    /// <summary>Drops a variant whose file is gone (another instance sharing the folder evicted it).</summary>
    public void Forget(CachedVariant variant) => Remove(variant, deleteFile: false);

    private async Task<(CachedVariant, byte[])> StoreAsync(string key, Func<Task<ProcessedImage>> create)
    {
        var image = await create();
        Interlocked.Increment(ref _created);
        var folder = Path.Combine(Root, key[..2]);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, key + "." + MediaImageEngine.Extension(image.Format));
        // Written beside the target and moved into place, so no reader (here or in another instance) sees half a file.
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, image.Content);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        var variant = new CachedVariant(key, target, image.Content.Length, image.Format) { LastUse = Interlocked.Increment(ref _clock) };
        if (_variants.TryAdd(key, variant))
        {
            Interlocked.Add(ref _size, variant.Length);
        }
        EvictIfNeeded();
        return (variant, image.Content);
    }

    private void EvictIfNeeded()
    {
        var max = _options.Value.ResizedCacheMaxSize;
        if (Size <= max)
        {
            return;
        }
        lock (_eviction)
        {
            // Down to nine tenths, so that a full cache does not sort its index on every new variant.
            var target = max - (max / 10);
            foreach (var variant in _variants.Values.OrderBy(v => v.LastUse).ToList())
            {
                if (Size <= target)
                {
                    break;
                }
                Remove(variant, deleteFile: true);
            }
        }
    }

    private void Remove(CachedVariant variant, bool deleteFile)
    {
        if (!_variants.TryRemove(new KeyValuePair<string, CachedVariant>(variant.Key, variant)))
        {
            return;
        }
        variant.Evicted = true;
        Interlocked.Add(ref _size, -variant.Length);
        if (deleteFile)
        {
            try
            {
                File.Delete(variant.PhysicalPath);
            }
            catch (IOException exception)
            {
                _logger.LogWarning(exception, "Could not delete the cached image {Path}.", variant.PhysicalPath);
            }
        }
    }

    /// <summary>Indexes the variants a previous run left, oldest first by when they were written.</summary>
    private void Load()
    {
        var files = new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        foreach (var file in files.Where(f => f.Name.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            // Left by a run that stopped while writing.
            file.Delete();
        }
        foreach (var file in files.Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal)).OrderBy(f => f.LastWriteTimeUtc))
        {
            var key = Path.GetFileNameWithoutExtension(file.Name);
            var format = Path.GetExtension(file.Name) switch
            {
                ".jpg" => MediaFormat.Jpg,
                ".png" => MediaFormat.Png,
                ".webp" => MediaFormat.WebP,
                ".gif" => MediaFormat.Gif,
                _ => MediaFormat.Undefined,
            };
            if (format == MediaFormat.Undefined || key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
            {
                continue;
            }
            var variant = new CachedVariant(key, file.FullName, file.Length, format) { LastUse = ++_clock };
            if (_variants.TryAdd(key, variant))
            {
                _size += variant.Length;
            }
        }
        EvictIfNeeded();
    }
}
