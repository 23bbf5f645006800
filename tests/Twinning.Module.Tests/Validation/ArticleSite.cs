using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Validation;
using Twinning.Web.Tests.Infrastructure;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;

namespace Twinning.Module.Tests.Validation;

/// <summary>The definitions and settings of the host tests' Article recipe (<see cref="TestRecipes.Articles"/>, the same
/// file), read without a host, and the validator every entry point calls, over an in-memory lookup.</summary>
internal static class ArticleSite
{
    private static readonly JsonArray Steps = JsonNode.Parse(TestRecipes.Articles)!["steps"]!.AsArray();

    public static ContentDefinitionDocument Definitions()
    {
        var step = Step("ContentDefinition");
        return new ContentDefinitionDocument
        {
            ContentTypeDefinitionRecords = step["ContentTypes"].Deserialize<List<ContentTypeDefinition>>(DocumentStore.JsonOptions)!,
            ContentPartDefinitionRecords = step["ContentParts"].Deserialize<List<ContentPartDefinition>>(DocumentStore.JsonOptions)!,
        };
    }

    public static SiteSettings Settings()
    {
        var step = Step("settings");
        return new SiteSettings
        {
            TimeZoneId = step["TimeZoneId"]!.GetValue<string>(),
            LocalizationSettings = step["LocalizationSettings"].Deserialize<LocalizationSettings>(DocumentStore.JsonOptions)!,
        };
    }

    public static ContentValidator Validator(params IContentItemRule[] rules)
    {
        var sanitizer = new HtmlSanitizerService();
        return new ContentValidator(new ContentFieldValidator(sanitizer), sanitizer, rules);
    }

    /// <summary>Validates as a save would: the item against the Article site's definitions, other items from <paramref name="lookup"/>.</summary>
    public static Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, InMemoryContentLookup? lookup = null, params IContentItemRule[] rules)
        => Validator(rules).ValidateAsync(item, Definitions(), Settings(), lookup ?? new InMemoryContentLookup());

    public static ContentItem Item(string json) => ContentItemJsonConverter.FromJson(JsonNode.Parse(json)!.AsObject());

    private static JsonObject Step(string name) => Steps.Single(s => s!["name"]!.GetValue<string>() == name)!.AsObject();
}
