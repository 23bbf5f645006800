using System.Text.Json.Nodes;

namespace Twinning.Module.Features.Site;

/// <summary>The site settings the recipe's <c>settings</c> step writes. Sections we do not interpret are kept
/// in <see cref="Properties"/> so an Orchard recipe round-trips.</summary>
public sealed class SiteSettings
{
    public const string DefaultTimeZone = "Europe/Warsaw";

    public string SiteName { get; set; } = "Twinning";
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public LocalizationSettings LocalizationSettings { get; set; } = new();
    public JsonObject Properties { get; set; } = [];
}

public sealed class LocalizationSettings
{
    public string DefaultCulture { get; set; } = "pl-PL";
    public List<string> SupportedCultures { get; set; } = ["pl-PL"];
}
