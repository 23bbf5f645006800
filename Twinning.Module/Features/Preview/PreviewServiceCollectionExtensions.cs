using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Caching;

namespace Twinning.Module.Features.Preview;

public static class PreviewServiceCollectionExtensions
{
    /// <summary>Preview tokens for a front end (<c>Twinning:Preview</c>), read by the content API.</summary>
    public static IServiceCollection AddTwinningPreview(this IServiceCollection services)
    {
        services.AddOptions<PreviewOptions>()
            .BindConfiguration(PreviewOptions.Section)
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Twinning:Preview:TokenLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PreviewTokens>();
        services.AddSingleton<IUncachedRequests, PreviewRequestsUncached>();
        return services;
    }
}
