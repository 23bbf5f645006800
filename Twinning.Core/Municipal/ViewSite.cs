using NodaTime;

namespace Twinning.Core.Municipal;

/// <summary>What an output needs to know about the site it is written for: the name calendars carry, the time zone
/// local times are given in, and where its links point (the site's own absolute address, with scheme, host and path
/// base, for API and media links; the front end's for pages).</summary>
public sealed record ViewSite(string SiteName, DateTimeZone Zone, PageLinks Links)
{
    /// <summary>The site's own absolute address, which API and media links start with.</summary>
    public string BaseUrl => Links.BaseUrl;
}
