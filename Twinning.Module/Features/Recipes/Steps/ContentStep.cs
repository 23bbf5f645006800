using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentItems;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary>
/// <c>content</c>: imports the items under <c>Data</c> (or <c>data</c>). Every item is validated by the same
/// rules as the API and the admin; items may refer to items later in the same step. An item marked
/// <c>Published</c> is published, any other is saved as a draft. Dates and author given in the recipe are kept.
/// Items of a content type that a feature Twinning does not have creates (a Menu, a form widget) are passed over
/// and listed, at the top level and inside other items alike.
/// </summary>
public sealed class ContentStep(ContentEditor editor, ContentStore store, ContentDefinitionService definitions) : IRecipeStep
{
    public string Name => "content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if ((context.Step["Data"] ?? context.Step["data"]) is not JsonArray data)
        {
            context.Fail("The content step needs a 'Data' list of content items.", field: "Data");
            return;
        }
        var types = await definitions.GetAsync();
        var items = new List<ContentItem>();
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] is JsonObject candidate && PassedOverFeature(candidate, types) is { } feature)
            {
                context.PassOver($"A {candidate["ContentType"]} is content of {feature}, which Twinning does not have.", Text(candidate["ContentItemId"]), $"Data[{i}]");
                continue;
            }
            try
            {
                var item = data[i] is JsonObject json ? ContentItemJsonConverter.FromJson(json) : throw new JsonException("It is not a JSON object.");
                PassOverNested(item.Data, "", item.ContentItemId, types, context);
                if (!IdGenerator.IsValid(item.ContentItemId))
                {
                    item.ContentItemId = IdGenerator.New();
                }
                items.Add(item);
            }
            catch (JsonException e)
            {
                context.Fail($"Item {i} is not a content item: {e.Message}", field: string.IsNullOrEmpty(e.Path) ? $"Data[{i}]" : $"Data[{i}].{e.Path}");
            }
        }
        if (context.Errors.Count > 0)
        {
            return;
        }
        store.Announce(items);
        try
        {
            var results = await editor.ImportAsync(items, context.UserName);
            foreach (var (item, result) in items.Zip(results))
            {
                foreach (var error in result.Errors)
                {
                    context.Fail($"{item.ContentType} '{item.DisplayText}': {error.Message}", item.ContentItemId, error.Field);
                }
            }
        }
        finally
        {
            store.ClearAnnounced();
        }
    }

    /// <summary>The missing feature whose type the item is, when its type is not defined here (a Menu, a form widget).</summary>
    private static string? PassedOverFeature(JsonObject item, ContentDefinitionDocument types)
        => Text(item["ContentType"]) is { } type && types.FindType(type) is null ? OrchardFeatures.MissingFeatureOf(type) : null;

    /// <summary>Removes the items held inside an item (bag items, flow widgets) that are content of a missing feature.</summary>
    private static void PassOverNested(JsonNode? node, string path, string itemId, ContentDefinitionDocument types, RecipeStepContext context)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    PassOverNested(value, path.Length == 0 ? key : $"{path}.{key}", itemId, types, context);
                }
                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonObject nested && PassedOverFeature(nested, types) is { } feature)
                    {
                        context.PassOver($"A {nested["ContentType"]} is content of {feature}, which Twinning does not have.", itemId, $"{path}[{i}]");
                        array.RemoveAt(i);
                    }
                    else
                    {
                        PassOverNested(array[i], $"{path}[{i}]", itemId, types, context);
                    }
                }
                break;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
