using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Media.Processing;

public static class MediaProcessingServiceCollectionExtensions
{
    /// <summary>On-the-fly resizing of media images: signing, the Skia engine, the disk cache and URL building.</summary>
    public static IServiceCollection AddTwinningMediaProcessing(this IServiceCollection services)
    {
        services.AddSingleton<MediaTokenService>();
        services.AddHostedService<MediaTokenKeyLoader>();
        services.AddSingleton<MediaImageEngine>();
        services.AddSingleton<MediaImageInfoProvider>();
        services.AddSingleton<ResizedImageCache>();
        services.AddScoped<MediaUrlBuilder>();
        // GraphQL's srcsetAttribute field starts its URLs with the request's public address.
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>Answers resize commands on <c>/media</c> URLs; goes before the static files of <c>/media</c>.</summary>
    public static IApplicationBuilder UseTwinningMediaProcessing(this IApplicationBuilder app)
        => app.UseMiddleware<MediaResizingMiddleware>();
}
