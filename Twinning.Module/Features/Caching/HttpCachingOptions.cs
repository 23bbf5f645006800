namespace Twinning.Module.Features.Caching;

/// <summary>The <c>Twinning:HttpCaching</c> settings (with <c>RefreshInterval</c>, which is the site change token's:
/// <see cref="Storage.SiteChangeOptions"/>).</summary>
public sealed class HttpCachingOptions
{
    public const string Section = "Twinning:HttpCaching";

    /// <summary>Memory for anonymous API answers kept under their ETag; 0 turns the server-side cache off.</summary>
    public int ResponseCacheMegabytes { get; set; } = 64;
}
