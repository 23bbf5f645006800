using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentItems;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Definitions, items with versions, and the one validation rule set.</summary>
    public static IServiceCollection AddTwinningContent(this IServiceCollection services)
    {
        services.AddSingleton<HtmlSanitizerService>();
        services.AddSingleton<ContentFieldValidator>();
        services.AddSingleton<ContentValidator>();
        services.AddScoped<ContentDefinitionService>();
        services.AddScoped<SiteService>();
        services.AddSingleton<ContentItemCache>();
        services.AddScoped<ContentStore>();
        services.AddScoped<IPublishedContent>(provider => provider.GetRequiredService<ContentStore>());
        services.AddScoped<ContentManager>();
        services.AddScoped<ContentEditor>();
        services.AddScoped<PendingContentEvents>();
        return services;
    }
}
