using System.Globalization;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Twinning.Module.Features.Validation;
using Twinning.Core.Rules;

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
    /// <summary>The file to store, or why it is refused (a predicate that follows the file's name: "'a.jpg' is empty").</summary>
    public async Task<(CheckedMediaFile? File, RuleMessage? Error)> CheckAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var name = MediaFileNames.Normalize(fileName);
        if (name is null)
        {
            return (null, RuleMessage.Of("Library.NoFileName"));
        }
        var extension = Path.GetExtension(name);
        if (!settings.AllowedFileExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) || FileSignatures.ForExtension(extension) is not { } expected)
        {
            var taken = string.Join(", ", settings.AllowedFileExtensions);
            return (null, extension.Length == 0
                ? RuleMessage.Of("Library.NoExtension", ("extensions", taken))
                : RuleMessage.Of("Library.ExtensionNotTaken", ("extension", extension), ("extensions", taken)));
        }
        var bytes = await BoundedRead.ReadAtMostAsync(content, settings.MaxFileSize, cancellationToken);
        if (bytes is null)
        {
            return (null, RuleMessage.Of("Library.TooLarge", ("limit", Megabytes(settings.MaxFileSize))));
        }
        if (bytes.Length == 0)
        {
            return (null, RuleMessage.Of("Library.Empty"));
        }
        if (!FileSignatures.Matches(expected.Kind, bytes))
        {
            return (null, RuleMessage.Of("Library.NotWhatItsExtensionSays", ("extension", extension)));
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

    /// <summary>Why the image is refused for its size, read from its header (the pixels are never decoded here), or null.
    /// Every frame of an animation counts.</summary>
    private static RuleMessage? CheckPixels(byte[] bytes, long maxPixels)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return RuleMessage.Of("Library.UnreadableImage");
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var pages = Math.Max(1, codec.FrameCount);
        var pixels = (long)width * height * pages;
        (string, object?)[] size = [("width", width), ("height", height), ("frames", pages),
            ("megapixels", Math.Round(pixels / 1e6, 1)), ("limit", Math.Round(maxPixels / 1e6, 1))];
        return pixels <= maxPixels ? null : RuleMessage.Of(pages > 1 ? "Library.TooManyPixelsInFrames" : "Library.TooManyPixels", size);
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.#} MB");
}
