using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentDefinitions;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary>
/// <c>feature</c>: Twinning has the features whose job it does always on (<see cref="OrchardFeatures.Provided"/>).
/// As Orchard Core enables the ids it knows and passes over the rest, so does this step, and it lists what it passed
/// over. Enabling the taxonomies creates the <c>Taxonomy</c> type when it does not exist yet, as Orchard's migration does.
/// </summary>
public sealed class FeatureStep(ContentDefinitionService definitions) : IRecipeStep
{
    public string Name => "feature";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var enabled = new List<string>();
        foreach (var member in new[] { "enable", "disable" })
        {
            var node = context.Step[member];
            if (node is null)
            {
                continue;
            }
            if (node is not JsonArray list)
            {
                context.Fail($"'{member}' must be a list of feature ids.", field: member);
                continue;
            }
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonValue value || !value.TryGetValue<string>(out var id))
                {
                    context.Fail("A feature id must be text.", field: $"{member}[{i}]");
                }
                else if (!OrchardFeatures.Provided.Contains(id))
                {
                    context.PassOver($"Twinning does not have the feature '{id}'.", field: member);
                }
                else if (member == "disable")
                {
                    context.PassOver($"The feature '{id}' is always on in Twinning.", field: member);
                }
                else
                {
                    enabled.Add(id);
                }
            }
        }
        if (context.Errors.Count == 0 && enabled.Contains(OrchardFeatures.Taxonomies))
        {
            await AddTaxonomyTypeAsync();
        }
    }

    /// <summary>The type Orchard Core's taxonomies migration creates, with its parts and settings.</summary>
    private async Task AddTaxonomyTypeAsync()
    {
        var document = await definitions.LoadAsync();
        if (document.FindType("Taxonomy") is not null)
        {
            return;
        }
        const string Pattern = "{{ Model.ContentItem | display_text | slugify }}";
        document.ContentTypeDefinitionRecords.Add(new ContentTypeDefinition
        {
            Name = "Taxonomy",
            DisplayName = "Taxonomy",
            Settings = new JsonObject
            {
                ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true },
            },
            ContentTypePartDefinitionRecords =
            [
                Part("TitlePart", "1", null),
                Part("AliasPart", "2", new JsonObject { ["AliasPartSettings"] = new JsonObject { ["Pattern"] = Pattern } }),
                Part("AutoroutePart", "3", new JsonObject { ["AutoroutePartSettings"] = new JsonObject { ["Pattern"] = Pattern, ["AllowRouteContainedItems"] = true } }),
                Part("TaxonomyPart", "4", null),
            ],
        });
        await definitions.SaveAsync(document);
    }

    private static ContentTypePartDefinition Part(string name, string position, JsonObject? settings)
    {
        settings ??= [];
        settings["ContentTypePartSettings"] = new JsonObject { ["Position"] = position };
        return new ContentTypePartDefinition { Name = name, PartName = name, Settings = settings };
    }
}
