using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Caching;

/// <summary>A response kept to answer the same anonymous read again.</summary>
public sealed record CachedResponse(string? ContentType, byte[] Body);

/// <summary>
/// Anonymous API answers kept in memory under their ETag. The tag carries the site change token, so an entry
/// can only ever be served while the site is exactly as it was when the entry was made: a write makes every
/// entry unreachable at once, and they leave as the size bound needs room.
/// </summary>
public sealed class ResponseCache : IDisposable
{
    /// <summary>Bodies larger than this are served but not kept.</summary>
    public const int MaxEntryBytes = 1024 * 1024;

    private readonly MemoryCache? _cache;

    public ResponseCache(IOptions<HttpCachingOptions> options)
    {
        var megabytes = options.Value.ResponseCacheMegabytes;
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L }) : null;
    }

    public bool Enabled => _cache is not null;

    public bool TryGet(string etag, out CachedResponse response)
    {
        response = null!;
        return _cache is not null && _cache.TryGetValue(etag, out response!);
    }

    public void Set(string etag, CachedResponse response)
        => _cache?.Set(etag, response, new MemoryCacheEntryOptions
        {
            Size = response.Body.Length + etag.Length + 64,
            SlidingExpiration = TimeSpan.FromMinutes(10),
        });

    public void Dispose() => _cache?.Dispose();
}
