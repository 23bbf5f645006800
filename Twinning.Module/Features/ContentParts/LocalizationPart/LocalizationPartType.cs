using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentParts.LocalizationPart;

/// <summary>The item's culture and localization set: the culture must be one of the site's (its default when none is
/// given), a new set id is made when none is given, and a set holds one item per culture. Indexed in the version's
/// culture and set columns.</summary>
public sealed partial class LocalizationPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "LocalizationPart";
    public IReadOnlyList<string> Members { get; } = ["LocalizationSet", "Culture"];
    public bool ClaimsSiteWideValues => true;

    public async Task ValidateAsync(PartValidation part)
    {
        var site = part.Scope.Site.LocalizationSettings;
        var culture = part.Text("Culture");
        var supported = site.SupportedCultures;
        if (string.IsNullOrWhiteSpace(culture))
        {
            culture = site.DefaultCulture;
            part.Part["Culture"] = culture;
        }
        else if (supported.Count > 0 && !supported.Contains(culture))
        {
            part.Fail("Culture", "Localization.UnknownCulture", ("culture", culture), ("cultures", string.Join(", ", supported)));
            return;
        }
        var set = part.Text("LocalizationSet");
        if (string.IsNullOrWhiteSpace(set))
        {
            part.Part["LocalizationSet"] = IdGenerator.New();
        }
        else if (!part.Nested && await part.Scope.Lookup.IsTranslationTakenAsync(set, culture, part.Item.ContentItemId))
        {
            part.Fail("Culture", "Localization.Taken", ("culture", culture), ("set", set));
        }
    }

    public void Index(JsonObject? part, ContentItemVersionRecord record)
    {
        record.Culture = PartIndex.Text(part, "Culture");
        record.LocalizationSet = PartIndex.Text(part, "LocalizationSet");
    }
}
