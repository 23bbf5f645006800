using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Recipes.Steps;

namespace Twinning.Module.Features.Recipes;

public static class RecipesServiceCollectionExtensions
{
    /// <summary>The recipe engine and the steps it understands.</summary>
    public static IServiceCollection AddTwinningRecipes(this IServiceCollection services)
    {
        services.AddSingleton<RecipeExecutor>();
        services.AddScoped<IRecipeStep, FeatureStep>();
        services.AddScoped<IRecipeStep, ThemesStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, ContentDefinitionStep>();
        services.AddScoped<IRecipeStep, ReplaceContentDefinitionStep>();
        services.AddScoped<IRecipeStep, DeleteContentDefinitionStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, TranslationsStep>();
        services.AddScoped<IRecipeStep, MediaStep>();
        services.AddScoped<IRecipeStep, MediaProfilesStep>();
        services.AddScoped<IRecipeStep, OpenIdApplicationStep>();
        return services;
    }
}
