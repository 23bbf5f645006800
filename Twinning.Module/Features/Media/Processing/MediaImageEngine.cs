using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NetVips;
using VipsImage = NetVips.Image;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>An image's displayed size (after its EXIF orientation) and format.</summary>
public sealed record MediaImageInfo(int Width, int Height, MediaFormat Format);

/// <summary>An encoded result.</summary>
public sealed record ProcessedImage(byte[] Content, MediaFormat Format);

/// <summary>A request the engine refuses, naming the query parameter (or <c>path</c>) it is about.</summary>
public sealed class MediaProcessingException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Decodes, resizes and encodes images with libvips. Sources are sized from their header alone before anything
/// decodes them, JPEG and WebP shrink while loading, and at most one image per processor is in work at a time,
/// so a burst of new variants queues instead of taking the memory of them all.
/// </summary>
public sealed class MediaImageEngine : IDisposable
{
    /// <summary>The quality of JPEG and WebP outputs when the URL names none.</summary>
    public const int DefaultQuality = 75;

    public const string PathField = "path";

    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);
    private readonly IOptions<MediaOptions> _options;

    static MediaImageEngine()
    {
        // Every variant is made once and then read from the disk cache: libvips' own operation cache would only
        // hold memory, and would keep answering from a file that has since been replaced.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
        // Loaders libvips marks as unsafe for untrusted input (ImageMagick, MATLAB, FITS...) are never used on uploads.
        NetVips.NetVips.BlockUntrusted = true;
    }

    public MediaImageEngine(IOptions<MediaOptions> options) => _options = options;

    public void Dispose() => _slots.Dispose();

    /// <summary>Size and format from the header only; null when the file is not an image Twinning can resize.</summary>
    public static MediaImageInfo? ReadInfo(IFileInfo file)
    {
        if (!HasImageExtension(file.Name))
        {
            // Documents and other files are not handed to any decoder.
            return null;
        }
        try
        {
            using var header = OpenHeader(file, out _);
            return FormatOf(header) is { } format && Oriented(header, autoOrient: true) is var (width, height)
                ? new MediaImageInfo(width, height, format)
                : null;
        }
        catch (Exception e) when (e is VipsException or IOException)
        {
            // Not an image after all, or deleted or replaced since it was found (a listing racing a change).
            return null;
        }
    }

    public async Task<ProcessedImage> ProcessAsync(IFileInfo file, ResizeCommands commands, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return Process(file, commands);
        }
        catch (VipsException)
        {
            throw new MediaProcessingException(PathField, "The file could not be read as an image.");
        }
        finally
        {
            _slots.Release();
        }
    }

    private ProcessedImage Process(IFileInfo file, ResizeCommands commands)
    {
        var options = _options.Value;
        MediaFormat source;
        int width, height;
        byte[]? content;
        using (var header = OpenHeader(file, out content))
        {
            source = FormatOf(header) ?? throw new MediaProcessingException(PathField, "Only JPEG, PNG, WebP and GIF images can be resized.");
            if ((long)header.Width * header.Height > options.MaxPixels)
            {
                throw new MediaProcessingException(PathField,
                    $"The image is {header.Width}×{header.Height} pixels, more than the {options.MaxPixels} this site resizes.");
            }
            (width, height) = Oriented(header, commands.AutoOrient);
        }
        var plan = ResizeGeometry.Plan(width, height, commands);
        var sizeField = commands.Width is null ? MediaCommands.Height : MediaCommands.Width;
        if (plan.Width > options.MaxResizeDimension || plan.Height > options.MaxResizeDimension)
        {
            throw new MediaProcessingException(sizeField,
                $"The result would be {plan.Width}×{plan.Height} pixels; neither side may exceed {options.MaxResizeDimension}.");
        }
        if ((long)plan.ResizeWidth * plan.ResizeHeight > options.MaxPixels)
        {
            throw new MediaProcessingException(sizeField,
                $"Cropping this image to {plan.Width}×{plan.Height} would first enlarge it beyond {options.MaxPixels} pixels.");
        }
        var output = commands.Format == MediaFormat.Undefined ? source : commands.Format;

        var images = new List<VipsImage>();
        try
        {
            var image = Track(images, content is null
                ? VipsImage.Thumbnail(file.PhysicalPath!, plan.ResizeWidth, height: plan.ResizeHeight, size: Enums.Size.Force, noRotate: !commands.AutoOrient)
                : VipsImage.ThumbnailBuffer(content, plan.ResizeWidth, height: plan.ResizeHeight, size: Enums.Size.Force, noRotate: !commands.AutoOrient));
            var background = commands.Background;
            if (plan.Covers)
            {
                if (plan.Width != plan.ResizeWidth || plan.Height != plan.ResizeHeight)
                {
                    image = Track(images, image.ExtractArea(-plan.X, -plan.Y, plan.Width, plan.Height));
                }
            }
            else
            {
                // Padded with transparency; a background colour is laid under the whole image below, padding included.
                // Without one the padding stays transparent (black in a JPEG, which has no transparency).
                image = Track(images, Rgb(image));
                if (!image.HasAlpha())
                {
                    image = Track(images, image.Bandjoin(255));
                }
                image = Track(images, image.Embed(plan.X, plan.Y, plan.Width, plan.Height, extend: Enums.Extend.Background, background: [0, 0, 0, 0]));
            }
            if (background is { } color && image.HasAlpha())
            {
                image = Track(images, Rgb(image));
                image = color.A == 255
                    ? Track(images, image.Flatten(background: [color.R, color.G, color.B]))
                    : Track(images, Track(images, image.NewFromImage(new double[] { color.R, color.G, color.B, color.A })).Composite2(image, Enums.BlendMode.Over));
            }
            if (output == MediaFormat.Jpg && image.HasAlpha())
            {
                image = Track(images, image.Flatten(background: [0, 0, 0]));
            }
            var quality = commands.Quality ?? DefaultQuality;
            var encoded = output switch
            {
                MediaFormat.Jpg => image.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None),
                MediaFormat.WebP => image.WebpsaveBuffer(q: quality, keep: Enums.ForeignKeep.None),
                MediaFormat.Gif => image.GifsaveBuffer(keep: Enums.ForeignKeep.None),
                _ => image.PngsaveBuffer(keep: Enums.ForeignKeep.None),
            };
            return new ProcessedImage(encoded, output);
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    private static VipsImage Track(List<VipsImage> images, VipsImage image)
    {
        images.Add(image);
        return image;
    }

    /// <summary>8-bit sRGB, so that colours given as 0-255 mean the same on every source (grey, 16-bit, CMYK).</summary>
    private static VipsImage Rgb(VipsImage image)
        => image.Interpretation == Enums.Interpretation.Srgb ? image.Copy() : image.Colourspace(Enums.Interpretation.Srgb);

    /// <summary>Opens the header without decoding pixels; a store without local files hands over the bytes.</summary>
    private static VipsImage OpenHeader(IFileInfo file, out byte[]? content)
    {
        if (file.PhysicalPath is { } path)
        {
            content = null;
            return VipsImage.NewFromFile(path, access: Enums.Access.Sequential);
        }
        using var stream = file.CreateReadStream();
        content = new byte[file.Length];
        stream.ReadExactly(content);
        return VipsImage.NewFromBuffer(content, access: Enums.Access.Sequential);
    }

    private static MediaFormat? FormatOf(VipsImage header)
    {
        var loader = header.Contains("vips-loader") ? header.Get("vips-loader") as string ?? "" : "";
        return loader switch
        {
            _ when loader.StartsWith("jpegload", StringComparison.Ordinal) => MediaFormat.Jpg,
            _ when loader.StartsWith("pngload", StringComparison.Ordinal) => MediaFormat.Png,
            _ when loader.StartsWith("webpload", StringComparison.Ordinal) => MediaFormat.WebP,
            _ when loader.StartsWith("gifload", StringComparison.Ordinal) => MediaFormat.Gif,
            _ => null,
        };
    }

    /// <summary>The size as displayed: EXIF orientations 5 to 8 turn the image a quarter.</summary>
    private static (int Width, int Height) Oriented(VipsImage header, bool autoOrient)
    {
        var orientation = autoOrient && header.Contains("orientation") ? Convert.ToInt32(header.Get("orientation"), System.Globalization.CultureInfo.InvariantCulture) : 1;
        return orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
    }

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp"];

    /// <summary>Whether the file is named as an image Twinning resizes; its content is checked when it is opened.</summary>
    public static bool HasImageExtension(string path) => ImageExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static string ContentType(MediaFormat format) => format switch
    {
        MediaFormat.Jpg => "image/jpeg",
        MediaFormat.WebP => "image/webp",
        MediaFormat.Gif => "image/gif",
        _ => "image/png",
    };

    public static string Extension(MediaFormat format) => format switch
    {
        MediaFormat.Jpg => "jpg",
        MediaFormat.WebP => "webp",
        MediaFormat.Gif => "gif",
        _ => "png",
    };
}
