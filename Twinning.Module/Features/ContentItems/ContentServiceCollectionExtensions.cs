using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;

namespace Twinning.Module.Features.ContentItems;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Items with versions, the one write sequence, and the one validation rule set.</summary>
    public static IServiceCollection AddTwinningContent(this IServiceCollection services)
    {
        services.AddSingleton<ContentValidator>();
        services.AddScoped<ContentStore>();
        services.AddScoped<IPublishedContent>(provider => provider.GetRequiredService<ContentStore>());
        services.AddScoped<ContentManager>();
        services.AddScoped<ContentEditor>();
        services.AddScoped<PendingContentEvents>();
        return services;
    }
}
