using NodaTime;

namespace Twinning.Core.Municipal;

/// <summary>What an output needs to know about the site it is written for: the name calendars carry, the time zone
/// local times are given in, and the absolute address every link starts with (scheme, host and path base).</summary>
public sealed record ViewSite(string SiteName, DateTimeZone Zone, string BaseUrl);
