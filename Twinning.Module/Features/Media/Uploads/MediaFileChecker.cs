using System.Globalization;
using Microsoft.Extensions.Options;
using NetVips;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Media.Uploads;

/// <summary>A file as it will be stored in the library, after every check.</summary>
public sealed record CheckedMediaFile(string FileName, string MimeType, byte[] Content);

/// <summary>
/// The checks every file passes before it enters the library, whether an editor uploads it, an API client
/// sends it or a recipe ships it: a safe name, an allowed extension, content that is what the extension says,
/// the size limit, the pixel limit for images (read from the header, before anything decodes the pixels),
/// SVG sanitised, and location data removed from photographs.
/// </summary>
public sealed class MediaFileChecker(IOptions<MediaOptions> options)
{
    /// <summary>The file to store, or why it is refused (a sentence that follows the file's name).</summary>
    public async Task<(CheckedMediaFile? File, string? Error)> CheckAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var name = MediaFileNames.Normalize(fileName);
        if (name is null)
        {
            return (null, "has no usable file name");
        }
        var extension = Path.GetExtension(name);
        if (!settings.AllowedFileExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) || FileSignatures.ForExtension(extension) is not { } expected)
        {
            return (null, extension.Length == 0
                ? "has no file extension; the library takes " + string.Join(", ", settings.AllowedFileExtensions)
                : $"is a '{extension}' file, which the library does not take; it takes " + string.Join(", ", settings.AllowedFileExtensions));
        }
        var bytes = await BoundedRead.ReadAtMostAsync(content, settings.MaxFileSize, cancellationToken);
        if (bytes is null)
        {
            return (null, $"is larger than the limit of {Megabytes(settings.MaxFileSize)}");
        }
        if (bytes.Length == 0)
        {
            return (null, "is empty");
        }
        if (!FileSignatures.Matches(expected.Kind, bytes))
        {
            return (null, $"is not a '{extension}' file: its content is something else");
        }
        if (expected.Kind == "svg")
        {
            var (sanitized, error) = SvgSanitizer.Sanitize(bytes);
            if (sanitized is null)
            {
                return (null, error);
            }
            bytes = sanitized;
        }
        else if (FileSignatures.IsRasterImage(expected.Kind))
        {
            if (CheckPixels(bytes, settings.MaxPixels) is { } error)
            {
                return (null, error);
            }
            if (settings.StripLocation)
            {
                bytes = ExifLocation.Strip(expected.Kind, bytes);
            }
        }
        return (new CheckedMediaFile(name, expected.MimeType, bytes), null);
    }

    /// <summary>Why the image is refused for its size, read from its header (the pixels are never decoded here), or null.</summary>
    private static string? CheckPixels(byte[] bytes, long maxPixels)
    {
        try
        {
            using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            var pages = image.Contains("n-pages") ? Math.Max(1, (int)image.Get("n-pages")) : 1;
            var pixels = (long)image.Width * image.Height * pages;
            return pixels <= maxPixels
                ? null
                : string.Create(CultureInfo.InvariantCulture,
                    $"is {image.Width} × {image.Height} pixels{(pages > 1 ? $" in {pages} frames" : "")} ({pixels / 1e6:0.#} megapixels); the limit is {maxPixels / 1e6:0.#} megapixels");
        }
        catch (VipsException)
        {
            return "could not be read as an image";
        }
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.#} MB");
}
