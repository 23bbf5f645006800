using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.ApiReference;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Features.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The media library: storage, upload checks, library API and the /media file server.</summary>
    public static IServiceCollection AddTwinningMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The binder adds configured list items to the defaults; a configured list replaces them instead.
                var section = configuration.GetSection(MediaOptions.Section);
                options.SupportedSizes = section.GetSection(nameof(MediaOptions.SupportedSizes)).Get<int[]>() ?? options.SupportedSizes;
                options.SrcsetWidths = section.GetSection(nameof(MediaOptions.SrcsetWidths)).Get<int[]>() ?? options.SrcsetWidths;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMediaFileStore, FileSystemMediaFileStore>();
        services.AddTwinningMediaProcessing();
        return services;
    }

    /// <summary>Serves the media library under <c>/media</c>, resized images first.</summary>
    public static IApplicationBuilder UseTwinningMedia(this IApplicationBuilder app)
    {
        if (ApiDocumentGeneration.IsRunning)
        {
            return app;
        }
        var store = app.ApplicationServices.GetRequiredService<IMediaFileStore>();
        var options = app.ApplicationServices.GetRequiredService<IOptions<MediaOptions>>().Value;
        app.UseTwinningMediaProcessing();
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = store.FileProvider,
            RequestPath = MediaResizingMiddleware.RequestPath,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = $"public, max-age={TimeSpan.FromDays(options.MaxBrowserCacheDays).TotalSeconds:0}";
                // Uploaded files are served as what they are, never sniffed into something else.
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
    }
}
