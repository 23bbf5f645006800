using System.Text.Json.Nodes;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary>
/// <c>feature</c>: Twinning provides the Orchard Core features its recipes enable, always on. The step
/// checks that every named feature is one of them, so a recipe written for a module we lack fails loudly
/// instead of provisioning half a site.
/// </summary>
public sealed class FeatureStep : IRecipeStep
{
    public static readonly IReadOnlySet<string> ProvidedFeatures = new HashSet<string>(StringComparer.Ordinal)
    {
        "Twinning",
        "OrchardCore.Admin", "OrchardCore.Contents", "OrchardCore.ContentTypes", "OrchardCore.ContentFields",
        "OrchardCore.Title", "OrchardCore.Autoroute", "OrchardCore.Html", "OrchardCore.Markdown", "OrchardCore.Lists",
        "OrchardCore.Flows", "OrchardCore.Localization", "OrchardCore.ContentLocalization", "OrchardCore.Taxonomies",
        "OrchardCore.Media", "OrchardCore.Spatial", "OrchardCore.Roles", "OrchardCore.Users", "OrchardCore.Settings",
        "OrchardCore.Recipes", "OrchardCore.Apis.GraphQL", "OrchardCore.Resources", "OrchardCore.Navigation", "TheAdmin",
        "OrchardCore.Features", "OrchardCore.Themes",
    };

    public string Name => "feature";

    public Task ExecuteAsync(RecipeStepContext context)
    {
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
            foreach (var feature in list)
            {
                var id = feature is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (id is null || !ProvidedFeatures.Contains(id))
                {
                    context.Fail($"Twinning does not provide the feature '{feature}'.", field: member);
                }
            }
        }
        return Task.CompletedTask;
    }
}
