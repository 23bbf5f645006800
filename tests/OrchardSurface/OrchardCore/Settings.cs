namespace OrchardCore.Settings
{
    // Source: src/OrchardCore/OrchardCore.Infrastructure.Abstractions/Settings/ISite.cs
    public interface ISite
    {
        string SiteName { get; set; }
        string TimeZoneId { get; set; }
        string BaseUrl { get; set; }
    }

    // Source: src/OrchardCore/OrchardCore.Infrastructure.Abstractions/Settings/ISiteService.cs
    public interface ISiteService
    {
        Task<ISite> GetSiteSettingsAsync();
    }
}

namespace OrchardCore.Localization
{
    // Source: src/OrchardCore/OrchardCore.Abstractions/Localization/ILocalizationService.cs
    public interface ILocalizationService
    {
        Task<string> GetDefaultCultureAsync();

        Task<string[]> GetSupportedCulturesAsync();
    }
}
