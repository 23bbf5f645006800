using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>
/// URLs of resized images for the rest of the module: the file's version (<c>v</c>, so browsers and CDNs that keep
/// a variant for <see cref="MediaOptions.MaxCacheDays"/> see a replaced file at once) and the commands in Orchard
/// Core's order (width, height, rmode, format, quality, rxy, bgcolor), signed when the site signs media URLs.
/// Scoped: profiles are site documents.
/// </summary>
public sealed class MediaUrlBuilder(MediaTokenService tokens, MediaImageInfoProvider images, DocumentStore documents, IOptions<MediaOptions> options)
{
    /// <summary>The URL of <paramref name="path"/> resized; without commands, the file's URL with its version only.</summary>
    public string ResizeUrl(string path, int? width = null, int? height = null, ResizeMode mode = ResizeMode.Undefined,
        int? quality = null, MediaFormat format = MediaFormat.Undefined, MediaAnchor? anchor = null, string? bgcolor = null,
        bool autoOrient = true)
    {
        var url = new StringBuilder(PublicUrl(path));
        var separator = '?';
        void Add(string name, string value)
        {
            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        if (images.VersionOf(path) is { } version)
        {
            Add(MediaCommands.Version, version);
        }
        if (width is { } w)
        {
            Add(MediaCommands.Width, w.ToString(CultureInfo.InvariantCulture));
        }
        if (height is { } h)
        {
            Add(MediaCommands.Height, h.ToString(CultureInfo.InvariantCulture));
        }
        if (mode != ResizeMode.Undefined)
        {
            Add(MediaCommands.Mode, mode.ToString().ToLowerInvariant());
        }
        if (format != MediaFormat.Undefined)
        {
            // Formats Twinning cannot write (profiles made for Orchard Core may name BMP or TGA) become PNG, also lossless.
            Add(MediaCommands.Format, format is MediaFormat.Bmp or MediaFormat.Tga ? "png" : format.ToString().ToLowerInvariant());
        }
        if (quality is { } q)
        {
            Add(MediaCommands.Quality, q.ToString(CultureInfo.InvariantCulture));
        }
        if (anchor is { } a)
        {
            Add(MediaCommands.FocalPoint, string.Create(CultureInfo.InvariantCulture, $"{a.X},{a.Y}"));
        }
        if (!string.IsNullOrEmpty(bgcolor))
        {
            Add(MediaCommands.BackgroundColor, bgcolor);
        }
        if (!autoOrient)
        {
            Add(MediaCommands.AutoOrient, "false");
        }
        var unsigned = url.ToString();
        return options.Value.UseTokenizedQueryString ? tokens.AddTokenToPath(unsigned) : unsigned;
    }

    /// <summary>Whether the URLs built here may carry a focal point (<c>rxy</c>): only signed ones do.</summary>
    public bool CanAnchor => options.Value.UseTokenizedQueryString;

    /// <summary>The URL of <paramref name="path"/> through a media profile; null when the site has no such profile.</summary>
    public async Task<string?> ProfileUrlAsync(string path, string profileName)
    {
        var profiles = await documents.GetAsync<MediaProfilesDocument>(DocumentNames.MediaProfiles);
        if (!profiles.MediaProfiles.TryGetValue(profileName, out var profile))
        {
            return null;
        }
        // As Orchard Core reads a profile: zero means "not set", and quality 100 is the encoder's best, so left out.
        return ResizeUrl(path,
            width: profile.Width > 0 ? profile.Width : null,
            height: profile.Height > 0 ? profile.Height : null,
            mode: Enum.IsDefined((ResizeMode)profile.Mode) ? (ResizeMode)profile.Mode : ResizeMode.Undefined,
            quality: profile.Quality is > 0 and < 100 ? profile.Quality : null,
            format: Enum.IsDefined((MediaFormat)profile.Format) ? (MediaFormat)profile.Format : MediaFormat.Undefined,
            bgcolor: profile.BackgroundColor);
    }

    /// <summary>Width and URL for each of <see cref="MediaOptions.SrcsetWidths"/> up to the image's own width (only
    /// the supported sizes among them when URLs are not signed); empty when the path is not an image.</summary>
    public IReadOnlyList<(int Width, string Url)> Srcset(string path)
    {
        if (images.Get(path) is not { } info)
        {
            return [];
        }
        var settings = options.Value;
        return settings.SrcsetWidths
            .Where(w => w <= info.Width && (settings.UseTokenizedQueryString || settings.SupportedSizes.Contains(w)))
            .Order()
            .Select(w => (w, ResizeUrl(path, width: w)))
            .ToList();
    }

    /// <summary>The <see cref="Srcset"/> as an HTML <c>srcset</c> attribute value (<c>https://…/a.jpg?…&amp;width=320 320w, …</c>),
    /// each URL absolute under <paramref name="baseUrl"/> (<c>PublicUrls.BaseUrl</c>, the rule every absolute link follows) so a front end on
    /// another host can use it as it is; null when the path is not an image.</summary>
    public string? SrcsetAttribute(string path, string baseUrl)
        => Srcset(path) is { Count: > 0 } entries
            ? string.Join(", ", entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{baseUrl}{e.Url} {e.Width}w")))
            : null;

    /// <inheritdoc cref="Srcset"/>
    public Task<IReadOnlyList<(int Width, string Url)>> SrcsetAsync(string path) => Task.FromResult(Srcset(path));

    /// <summary>Displayed width and height and format; null when the path is not an image Twinning resizes.</summary>
    public MediaImageInfo? GetImageInfo(string path) => images.Get(path);

    private static string PublicUrl(string path)
        => MediaPaths.ToPublicUrl(MediaPaths.Normalize(path) ?? throw new ArgumentException($"'{path}' is not a media library path.", nameof(path)));
}
