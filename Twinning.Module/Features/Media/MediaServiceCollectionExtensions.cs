using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ApiReference;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Media.Uploads;

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
                options.AllowedFileExtensions = section.GetSection(nameof(MediaOptions.AllowedFileExtensions)).Get<string[]>() ?? options.AllowedFileExtensions;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMediaFileStore, FileSystemMediaFileStore>();
        services.AddSingleton<MediaStagingArea>();
        services.AddSingleton<MediaFileChecker>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<ContentFields.MediaField.MediaAltSuggestions>();
        services.AddScoped(s => s.GetRequiredService<MediaStagingArea>().Begin());
        services.AddScoped<IMediaLookup>(s => s.GetRequiredService<MediaStaging>());
        services.AddTwinningMediaProcessing();
        return services;
    }

    /// <summary>The media library API under <c>/api/media</c>. The editors' page, <c>/admin/media</c>, is an admin page
    /// (<c>Features/Admin/Media</c>).</summary>
    public static IEndpointRouteBuilder MapTwinningMedia(this IEndpointRouteBuilder routes)
    {
        routes.MapMediaLibraryApi();
        return routes;
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
                // Uploaded files are served as what they are, never sniffed into something else, and a file opened
                // on its own (an SVG, say) runs nothing and loads nothing from elsewhere.
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
            },
        });
    }
}
