namespace Twinning.Module.Features.Caching;

/// <summary>The <c>Twinning:HttpCaching</c> settings.</summary>
public sealed class HttpCachingOptions
{
    /// <summary>How long this instance trusts its last look at the database when it has written nothing itself.
    /// Writes through this instance are seen at once; writes by other instances within this interval.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Memory for anonymous API answers kept under their ETag; 0 turns the server-side cache off.</summary>
    public int ResponseCacheMegabytes { get; set; } = 64;
}
