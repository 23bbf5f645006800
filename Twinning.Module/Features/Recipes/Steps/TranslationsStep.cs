using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Localization;
using Twinning.Module.Features.ContentDefinitions;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary><c>Translations</c>: translations of the definitions' texts, in the shape of Orchard Core 3.0's Data
/// Localization step: <c>"translations": [ { "culture": "pl-PL", "context": "Content Types", "key": "Forum",
/// "value": "Forum" } ]</c>. Each entry replaces a stored one for the same culture, context and key; the others stay.
/// Where Orchard skips an entry without a culture or key, Twinning refuses the recipe and names the entry, so that a
/// typing mistake does not leave a label untranslated unnoticed.</summary>
public sealed class TranslationsStep(DataTranslationService translations) : IRecipeStep
{
    public string Name => "Translations";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["translations"] is not JsonArray entries)
        {
            context.Fail("The Translations step needs a 'translations' list.", field: "translations");
            return;
        }
        var read = new List<DataTranslation>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"translations[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                context.Fail("Each translation must be an object with 'culture', 'context', 'key' and 'value'.", field: field);
                continue;
            }
            var culture = Text(entry, "culture");
            var key = Text(entry, "key");
            var value = Text(entry, "value");
            var translationContext = Text(entry, "context");
            if (string.IsNullOrWhiteSpace(culture) || !IsCulture(culture))
            {
                context.Fail($"'{culture}' is not a culture name such as 'pl-PL'.", field: $"{field}.culture");
            }
            else if (string.IsNullOrEmpty(key))
            {
                context.Fail("Each translation needs the text it translates as its 'key'.", field: $"{field}.key");
            }
            else if (value is null || translationContext is null && entry["context"] is not null)
            {
                context.Fail("'context' and 'value' must be text.", field: field);
            }
            else
            {
                read.Add(new DataTranslation(culture, translationContext ?? "", key, value));
            }
        }
        if (context.Errors.Count == 0)
        {
            await translations.MergeAsync(read);
        }
    }

    /// <summary>The member's text; null when it is missing or not text.</summary>
    private static string? Text(JsonObject entry, string name)
        => entry[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool IsCulture(string name)
    {
        try
        {
            return !string.IsNullOrEmpty(CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
