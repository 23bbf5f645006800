using Microsoft.Extensions.Options;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Admin.Settings;

/// <summary>The settings page's form, as posted: the cultures as one text, separated by commas or spaces.</summary>
public sealed record SiteSettingsForm(string? SiteName, string? SupportedCultures, string? DefaultCulture, string? TimeZone, string? FrontEndPreviewUrl)
{
    public static SiteSettingsForm Of(SiteSettings settings)
        => new(settings.SiteName, string.Join(", ", settings.LocalizationSettings.SupportedCultures), settings.LocalizationSettings.DefaultCulture,
            settings.TimeZoneId, settings.FrontEndPreviewUrl);
}

/// <summary>Changes the settings stored in the database (the <c>Site</c> document the recipe's <c>settings</c> step
/// writes) with the same rules as that step. Every field is checked before anything is stored, and the document is
/// stored in one write: the next request reads it, and the change token that tags kept API answers moves with it.</summary>
public sealed class SiteSettingsAdministration(SiteService site, IOptions<HostingOptions> hosting)
{
    public const int MaxSiteNameLength = 255;

    /// <summary>The settings that come from configuration (<c>Twinning:Hosting</c>), shown but not changed here: the
    /// public address also decides at start-up which hosts are served.</summary>
    public HostingOptions Configured => hosting.Value;

    public async Task<IReadOnlyList<FormProblem>> SaveAsync(SiteSettingsForm form)
    {
        var problems = new List<FormProblem>();
        var name = form.SiteName?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new FormProblem("siteName", "Settings.SiteNameRequired"));
        }
        else if (name.Length > MaxSiteNameLength)
        {
            problems.Add(new FormProblem("siteName", "Settings.SiteNameTooLong", MaxSiteNameLength));
        }
        var supported = new List<string>();
        var given = (form.SupportedCultures ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var entry in given)
        {
            if (SiteSettingsRules.CultureName(entry) is { } culture)
            {
                if (!supported.Contains(culture, StringComparer.Ordinal))
                {
                    supported.Add(culture);
                }
            }
            else
            {
                problems.Add(new FormProblem("supportedCultures", "Settings.NotACulture", entry));
            }
        }
        var defaultCulture = SiteSettingsRules.CultureName(form.DefaultCulture);
        if (defaultCulture is null)
        {
            problems.Add(string.IsNullOrWhiteSpace(form.DefaultCulture)
                ? new FormProblem("defaultCulture", "Settings.DefaultCultureRequired")
                : new FormProblem("defaultCulture", "Settings.NotACulture", form.DefaultCulture.Trim()));
        }
        var zone = form.TimeZone?.Trim() ?? "";
        if (!SiteSettingsRules.IsTimeZone(zone))
        {
            problems.Add(new FormProblem("timeZone", "Settings.NotATimeZone", zone));
        }
        var preview = string.IsNullOrWhiteSpace(form.FrontEndPreviewUrl) ? null : form.FrontEndPreviewUrl.Trim();
        if (preview is not null && SiteSettingsRules.PreviewUrlProblem(preview) is not null)
        {
            problems.Add(new FormProblem("frontEndPreviewUrl", "Settings.NotAPreviewUrl", preview));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var settings = await site.LoadAsync();
        settings.SiteName = name;
        settings.LocalizationSettings = SiteSettingsRules.Localization(defaultCulture!, supported);
        settings.TimeZoneId = zone;
        settings.FrontEndPreviewUrl = preview;
        await site.SaveAsync(settings);
        return [];
    }
}
