using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary>
/// <c>content</c>: imports the items under <c>Data</c> (or <c>data</c>). Every item is validated by the same
/// rules as the API and the admin; items may refer to items later in the same step. An item marked
/// <c>Published</c> is published, any other is saved as a draft. Dates and author given in the recipe are kept.
/// </summary>
public sealed class ContentStep(ContentEditor editor, ContentStore store) : IRecipeStep
{
    public string Name => "content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if ((context.Step["Data"] ?? context.Step["data"]) is not JsonArray data)
        {
            context.Fail("The content step needs a 'Data' list of content items.", field: "Data");
            return;
        }
        var items = new List<ContentItem>();
        for (var i = 0; i < data.Count; i++)
        {
            try
            {
                var item = data[i] is JsonObject json ? ContentItemJsonConverter.FromJson(json) : throw new JsonException("It is not a JSON object.");
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
}
