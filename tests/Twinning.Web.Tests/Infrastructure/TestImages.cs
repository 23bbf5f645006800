using SkiaSharp;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Real images made for each test with Skia, so no binary fixtures sit in the repository.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height) => Solid(width, height, ".jpg");

    public static byte[] Png(int width, int height) => Solid(width, height, ".png");

    /// <summary>A solid image of one colour.</summary>
    private static byte[] Solid(int width, int height, string format)
        => Draw(width, height, format, canvas => canvas.Clear(new SKColor(200, 40, 40)));

    /// <summary>An opaque image drawn by <paramref name="draw"/>, encoded as <paramref name="format"/> (".png", ".jpg",
    /// ".webp"; JPEG and WebP at quality 75).</summary>
    public static byte[] Draw(int width, int height, string format, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        return Encode(image, format);
    }

    /// <summary>Pixels given as RGB bytes, row after row, as an opaque image.</summary>
    public static byte[] FromRgb(int width, int height, byte[] rgb, string format)
    {
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = (rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2], 255);
        }
        using var data = SKData.CreateCopy(rgba);
        using var image = SKImage.FromPixels(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), data, width * 4);
        return Encode(image, format);
    }

    private static byte[] Encode(SKImage image, string format)
    {
        var encoding = format switch
        {
            ".jpg" => SKEncodedImageFormat.Jpeg,
            ".webp" => SKEncodedImageFormat.Webp,
            ".png" => SKEncodedImageFormat.Png,
            _ => throw new ArgumentException($"No test images as {format}.", nameof(format)),
        };
        using var data = image.Encode(encoding, 75);
        return data.ToArray();
    }

    /// <summary>An image file decoded (its first frame) to unpremultiplied RGBA.</summary>
    public static TestImage Decode(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw new ArgumentException("Not an image Skia reads.", nameof(content));
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, out var pixels));
        return new TestImage(info.Width, info.Height, codec.Info.AlphaType != SKAlphaType.Opaque, codec.EncodedFormat, pixels);
    }
}

/// <summary>A decoded image: its size, whether it has an alpha channel, its format and its pixels.</summary>
public sealed record TestImage(int Width, int Height, bool HasAlpha, SKEncodedImageFormat Format, byte[] Rgba)
{
    /// <summary>The pixel's red, green and blue, and its alpha when the image has an alpha channel.</summary>
    public int[] Pixel(int x, int y)
    {
        var at = ((y * Width) + x) * 4;
        return [.. Rgba.AsSpan(at, HasAlpha ? 4 : 3).ToArray().Select(b => (int)b)];
    }
}
