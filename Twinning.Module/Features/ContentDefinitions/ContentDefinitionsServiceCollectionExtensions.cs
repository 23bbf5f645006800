using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.ContentDefinitions;

public static class ContentDefinitionsServiceCollectionExtensions
{
    /// <summary>The stored content definitions document and the translations of its texts.</summary>
    public static IServiceCollection AddTwinningContentDefinitions(this IServiceCollection services)
        => services.AddScoped<ContentDefinitionService>().AddScoped<DataTranslationService>();
}
