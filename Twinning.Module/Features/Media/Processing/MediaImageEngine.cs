using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SkiaSharp;

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
/// Decodes, resizes and encodes images with Skia. Sources are sized from their header alone before anything decodes
/// them, JPEG and WebP shrink while loading, and at most one image per processor is in work at a time, so a burst of
/// new variants queues instead of taking the memory of them all. Only the first frame of an animated GIF or WebP is
/// used, and nothing of the source's metadata is written out.
/// </summary>
public sealed class MediaImageEngine : IDisposable
{
    /// <summary>The quality of JPEG and WebP outputs when the URL names none.</summary>
    public const int DefaultQuality = 75;

    public const string PathField = "path";

    private const string Unreadable = "The file could not be read as an image.";

    /// <summary>The last step of a resize: Mitchell's cubic, sharp without ringing; the halvings before it are box
    /// filters (<see cref="Reduce"/>).</summary>
    private static readonly SKSamplingOptions Cubic = new(SKCubicResampler.Mitchell);

    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);
    private readonly IOptions<MediaOptions> _options;

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
            using var codec = OpenCodec(file);
            return codec is not null && FormatOf(codec) is { } format && Oriented(codec, OriginOf(codec, file)) is var (width, height)
                ? new MediaImageInfo(width, height, format)
                : null;
        }
        catch (IOException)
        {
            // Deleted or replaced since it was found (a listing racing a change).
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
        finally
        {
            _slots.Release();
        }
    }

    private ProcessedImage Process(IFileInfo file, ResizeCommands commands)
    {
        var options = _options.Value;
        using var codec = OpenCodec(file) ?? throw new MediaProcessingException(PathField, Unreadable);
        var source = FormatOf(codec) ?? throw new MediaProcessingException(PathField, "Only JPEG, PNG, WebP and GIF images can be resized.");
        var stored = codec.Info;
        if ((long)stored.Width * stored.Height > options.MaxPixels)
        {
            throw new MediaProcessingException(PathField,
                $"The image is {stored.Width}×{stored.Height} pixels, more than the {options.MaxPixels} this site resizes.");
        }
        var origin = commands.AutoOrient ? OriginOf(codec, file) : SKEncodedOrigin.TopLeft;
        var (width, height) = Oriented(codec, origin);
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

        // The target size as the file stores the image, before its orientation turns it.
        var (targetWidth, targetHeight) = Turns(origin) ? (plan.ResizeHeight, plan.ResizeWidth) : (plan.ResizeWidth, plan.ResizeHeight);
        using var reduced = Reduce(Decode(codec, targetWidth, targetHeight), targetWidth, targetHeight);

        var background = commands.Background;
        var opaque = output == MediaFormat.Jpg || background is { A: 255 } || (plan.Covers && stored.AlphaType == SKAlphaType.Opaque);
        // Without a colour space: the pixels are already sRGB, and an output without one carries no ICC profile.
        var info = new SKImageInfo(plan.Width, plan.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new MediaProcessingException(PathField, Unreadable);
        var canvas = surface.Canvas;
        // What the image does not cover, or covers with transparency: the background colour; without one, transparent,
        // or black in a JPEG, which has no transparency.
        canvas.Clear(background is { } color ? new SKColor(color.R, color.G, color.B, color.A) : opaque ? SKColors.Black : SKColors.Transparent);
        var (scaleX, scaleY) = (plan.ResizeWidth / (float)(Turns(origin) ? reduced.Height : reduced.Width),
            plan.ResizeHeight / (float)(Turns(origin) ? reduced.Width : reduced.Height));
        canvas.Translate(plan.X, plan.Y);
        canvas.Scale(scaleX, scaleY);
        canvas.Concat(OrientationMatrix(origin, reduced.Width, reduced.Height));
        // Unscaled (a new format, a small image padded, a crop without a resize), every pixel is copied as it is: the
        // cubic would soften even an image it does not resize.
        canvas.DrawImage(reduced, 0, 0, scaleX == 1 && scaleY == 1 ? new SKSamplingOptions(SKFilterMode.Nearest) : Cubic);
        canvas.Flush();
        using var result = surface.Snapshot();

        var quality = commands.Quality ?? DefaultQuality;
        var encoded = output switch
        {
            MediaFormat.Gif => EncodeGif(result),
            _ => Encode(result, output switch
            {
                MediaFormat.Jpg => SKEncodedImageFormat.Jpeg,
                MediaFormat.WebP => SKEncodedImageFormat.Webp,
                _ => SKEncodedImageFormat.Png,
            }, output == MediaFormat.Png ? 100 : quality),
        };
        return new ProcessedImage(encoded, output);
    }

    /// <summary>The first frame in sRGB, shrunk while loading where the format allows (JPEG by eighths, WebP to any
    /// size) as far as it stays at least <paramref name="targetWidth"/> × <paramref name="targetHeight"/>.</summary>
    private static SKImage Decode(SKCodec codec, int targetWidth, int targetHeight)
    {
        var size = codec.Info.Size;
        var scale = Math.Max(targetWidth / (float)size.Width, targetHeight / (float)size.Height);
        if (scale < 1)
        {
            // JPEG's decoder rounds the scale to the nearest eighth, which may fall short of the target: then the next
            // eighth up, which does not.
            foreach (var candidate in new[] { scale, MathF.Ceiling(scale * 8) / 8 })
            {
                if (codec.GetScaledDimensions(candidate) is var scaled && scaled.Width >= targetWidth && scaled.Height >= targetHeight)
                {
                    size = scaled;
                    break;
                }
            }
        }
        // Always asked for in sRGB: Skia converts from the file's profile (Adobe RGB, Display P3, a CMYK profile) and
        // skips the work when there is none or it is sRGB already.
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var bitmap = new SKBitmap(info);
        // A file cut short or damaged part of the way still shows what could be read, the rest left blank, as browsers
        // show it.
        var decoded = codec.GetPixels(info, bitmap.GetPixels(), new SKCodecOptions(0));
        if (decoded is not (SKCodecResult.Success or SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput))
        {
            throw new MediaProcessingException(PathField, Unreadable);
        }
        // Immutable, the bitmap's pixels are shared with the image rather than copied.
        bitmap.SetImmutable();
        return SKImage.FromBitmap(bitmap) ?? throw new MediaProcessingException(PathField, Unreadable);
    }

    /// <summary>Halves each side that is at least twice its target, again and again (each halving averages two by two
    /// pixels), so that the final cubic step never skips source pixels. Takes <paramref name="image"/> over: it is
    /// returned, or disposed.</summary>
    private static SKImage Reduce(SKImage image, int targetWidth, int targetHeight)
    {
        var current = image;
        while (current.Width >= targetWidth * 2 || current.Height >= targetHeight * 2)
        {
            var width = current.Width >= targetWidth * 2 ? current.Width / 2 : current.Width;
            var height = current.Height >= targetHeight * 2 ? current.Height / 2 : current.Height;
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, current.AlphaType));
            if (surface is null)
            {
                current.Dispose();
                throw new MediaProcessingException(PathField, Unreadable);
            }
            surface.Canvas.DrawImage(current, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear));
            var smaller = surface.Snapshot();
            current.Dispose();
            current = smaller;
        }
        return current;
    }

    private static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var data = format == SKEncodedImageFormat.Jpeg ? EncodeJpeg(image, quality) : image.Encode(format, quality);
        return data?.ToArray() ?? throw new MediaProcessingException(PathField, Unreadable);
    }

    /// <summary>JPEG with its colour at half resolution (4:2:0) up to quality 89, at full resolution from 90, where the
    /// caller asks for detail over size.</summary>
    private static SKData? EncodeJpeg(SKImage image, int quality)
    {
        using var pixels = image.PeekPixels();
        return pixels?.Encode(new SKJpegEncoderOptions(quality,
            quality >= 90 ? SKJpegEncoderDownsample.Downsample444 : SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
    }

    private static byte[] EncodeGif(SKImage image)
    {
        // Unpremultiplied, as GIF's colours are: its one transparent index stands for any pixel under half opacity.
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var pixels = bitmap.PeekPixels();
        if (!image.ReadPixels(pixels))
        {
            throw new MediaProcessingException(PathField, Unreadable);
        }
        return GifEncoder.Encode(bitmap.GetPixelSpan(), image.Width, image.Height);
    }

    /// <summary>Whether the orientation turns the image a quarter (EXIF orientations 5 to 8).</summary>
    private static bool Turns(SKEncodedOrigin origin) => origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
        or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Maps a <paramref name="width"/> × <paramref name="height"/> image as stored onto the image as displayed
    /// (EXIF orientation 1 to 8: flips, quarter turns and their combinations).</summary>
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>Reads the header without decoding pixels; a store without local files hands over the bytes. Null when
    /// no decoder recognises the content.</summary>
    private static SKCodec? OpenCodec(IFileInfo file)
    {
        if (file.PhysicalPath is { } path)
        {
            // Null as well when the file has gone since it was found.
            return SKCodec.Create(path);
        }
        using var stream = file.CreateReadStream();
        var content = new byte[file.Length];
        stream.ReadExactly(content);
        using var data = SKData.CreateCopy(content);
        // The codec keeps its own reference to the data.
        return SKCodec.Create(data);
    }

    private static MediaFormat? FormatOf(SKCodec codec) => codec.EncodedFormat switch
    {
        SKEncodedImageFormat.Jpeg => MediaFormat.Jpg,
        SKEncodedImageFormat.Png => MediaFormat.Png,
        SKEncodedImageFormat.Webp => MediaFormat.WebP,
        SKEncodedImageFormat.Gif => MediaFormat.Gif,
        _ => null,
    };

    /// <summary>The size as displayed: EXIF orientations 5 to 8 turn the image a quarter.</summary>
    private static (int Width, int Height) Oriented(SKCodec codec, SKEncodedOrigin origin)
        => Turns(origin) ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);

    /// <summary>The EXIF orientation: Skia's own for JPEG and WebP; for PNG, whose eXIf chunk Skia does not read,
    /// <see cref="PngOrientation"/>'s. Skia's numbering is EXIF's.</summary>
    private static SKEncodedOrigin OriginOf(SKCodec codec, IFileInfo file)
    {
        if (codec.EncodedFormat != SKEncodedImageFormat.Png || codec.EncodedOrigin != SKEncodedOrigin.TopLeft)
        {
            return codec.EncodedOrigin;
        }
        using var stream = file.CreateReadStream();
        return PngOrientation.Read(stream) is { } orientation ? (SKEncodedOrigin)orientation : SKEncodedOrigin.TopLeft;
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
