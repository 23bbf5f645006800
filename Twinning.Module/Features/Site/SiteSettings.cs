using System.Text.Json.Nodes;

namespace Twinning.Module.Features.Site;

/// <summary>The site settings the recipe's <c>settings</c> step and the settings page (<c>/admin/settings</c>) write.
/// Sections we do not interpret are kept in <see cref="Properties"/> so an Orchard recipe round-trips.</summary>
public sealed class SiteSettings
{
    public const string DefaultTimeZone = "Europe/Warsaw";

    public string SiteName { get; set; } = "Twinning";
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public LocalizationSettings LocalizationSettings { get; set; } = new();

    /// <summary>Where the front end shows an unpublished version (<c>https://www.gdansk.pl/podglad/{id}?culture={culture}</c>,
    /// with the placeholders of the page links), or null when it has no such page.</summary>
    public string? FrontEndPreviewUrl { get; set; }

    public JsonObject Properties { get; set; } = [];
}

public sealed class LocalizationSettings
{
    public string DefaultCulture { get; set; } = "pl-PL";
    public List<string> SupportedCultures { get; set; } = ["pl-PL"];
}
