using OrchardCore.Data.Migration;
using OrchardCore.Recipes.Services;

namespace Twinning.OrchardCore;

/// <summary>Creates Twinning's content types and its two taxonomies when the feature is enabled on a site. The recipe
/// (Migrations/twinning-content-model.recipe.json) is generated from the municipal recipe, so both always agree; its
/// taxonomy ids are the municipal recipe's fixed ids, so a site set up from that recipe gets each taxonomy once.</summary>
public sealed class Migrations(IRecipeMigrator recipeMigrator) : DataMigration
{
    public const string ContentModelRecipe = "twinning-content-model.recipe.json";

    public async Task<int> CreateAsync()
    {
        await recipeMigrator.ExecuteAsync(ContentModelRecipe, this);
        return 1;
    }
}
