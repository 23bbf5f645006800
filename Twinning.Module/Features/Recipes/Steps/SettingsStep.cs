using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary><c>settings</c>: the site name, time zone and cultures; other sections are kept as they are.</summary>
public sealed class SettingsStep(SiteService site) : IRecipeStep
{
    public string Name => "settings";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var settings = await site.LoadAsync();
        foreach (var (key, node) in context.Step)
        {
            switch (key)
            {
                case "name":
                    break;
                case nameof(SiteSettings.SiteName):
                    settings.SiteName = node?.GetValue<string>() is { Length: > 0 } name ? name : settings.SiteName;
                    break;
                case nameof(SiteSettings.TimeZoneId):
                    var zone = node?.GetValue<string>();
                    if (!SiteSettingsRules.IsTimeZone(zone))
                    {
                        context.Fail($"'{zone}' is not an IANA time zone (for example Europe/Warsaw).", field: key);
                    }
                    else
                    {
                        settings.TimeZoneId = zone!;
                    }
                    break;
                case nameof(SiteSettings.FrontEndPreviewUrl):
                    var preview = node?.GetValue<string>();
                    if (preview is not null && SiteSettingsRules.PreviewUrlProblem(preview) is { } problem)
                    {
                        context.Fail($"{key} {problem}", field: key);
                    }
                    else
                    {
                        settings.FrontEndPreviewUrl = preview;
                    }
                    break;
                case nameof(SiteSettings.LocalizationSettings):
                    ReadCultures(node, settings, context);
                    break;
                default:
                    settings.Properties[key] = node?.DeepClone();
                    break;
            }
        }
        if (context.Errors.Count == 0)
        {
            await site.SaveAsync(settings);
        }
    }

    private static void ReadCultures(JsonNode? node, SiteSettings settings, RecipeStepContext context)
    {
        var localization = node?.Deserialize<LocalizationSettings>(Storage.DocumentStore.JsonOptions);
        if (localization is null)
        {
            return;
        }
        foreach (var culture in localization.SupportedCultures.Append(localization.DefaultCulture))
        {
            if (SiteSettingsRules.CultureName(culture) is null)
            {
                context.Fail($"'{culture}' is not a culture name (for example pl-PL or en-GB).", field: "LocalizationSettings");
            }
        }
        settings.LocalizationSettings = SiteSettingsRules.Localization(localization.DefaultCulture, localization.SupportedCultures);
    }
}
