using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Processing;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>Real images made in the tests with Skia, written into an app's media library, and signed URLs.</summary>
public static class MediaSite
{
    public static readonly (byte R, byte G, byte B) Red = (255, 0, 0);
    public static readonly (byte R, byte G, byte B) Blue = (0, 0, 255);

    /// <summary>An app without the municipal recipe (fast), with these settings.</summary>
    public static TwinningApplication Start(IDictionary<string, string?>? settings = null, string? dataPath = null, string provider = Providers.Sqlite)
    {
        var app = new TwinningApplication(provider, runRecipe: false, settings, dataPath);
        app.CreateClient();
        return app;
    }

    /// <summary>A data folder for apps started one after the other on it (a restart); deleted at the end.</summary>
    public sealed class DataFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("twinning-media-").FullName;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }

    /// <summary>The left half red, the right half blue.</summary>
    public static byte[] TwoColours(int width, int height, string format = ".png")
        => TestImages.Draw(width, height, format, canvas =>
        {
            using var red = new SKPaint { Color = new SKColor(Red.R, Red.G, Red.B) };
            using var blue = new SKPaint { Color = new SKColor(Blue.R, Blue.G, Blue.B) };
            canvas.DrawRect(0, 0, width / 2, height, red);
            canvas.DrawRect(width / 2, 0, width - (width / 2), height, blue);
        });

    /// <summary>A PNG in Display P3 (its ICC profile embedded) whose pixels are sRGB's pure red: their numbers in P3 are
    /// about 234, 51, 35.</summary>
    public static byte[] RedInDisplayP3(int width, int height)
    {
        var p3 = SKColorSpace.CreateRgb(SKColorSpaceTransferFn.Srgb, SKColorSpaceXyz.DisplayP3);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque, p3));
        bitmap.Erase(SKColors.Red);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Random pixels (the same for the same size), which compress badly: file size follows pixel count and
    /// quality.</summary>
    public static byte[] Noise(int width, int height, string format = ".png")
    {
        var rgb = new byte[width * height * 3];
        new Random(width * height).NextBytes(rgb);
        return TestImages.FromRgb(width, height, rgb, format);
    }

    public static async Task AddFileAsync(this TwinningApplication app, string path, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await app.Services.GetRequiredService<IMediaFileStore>().CreateFileAsync(path, stream, overwrite: true);
    }

    /// <summary>Signs a <c>/media</c> path and query as the site's URL builders do.</summary>
    public static string Sign(this TwinningApplication app, string pathAndQuery)
        => app.Services.GetRequiredService<MediaTokenService>().AddTokenToPath(pathAndQuery);

    public static ResizedImageCache Cache(this TwinningApplication app) => app.Services.GetRequiredService<ResizedImageCache>();

    public static TestImage Decode(byte[] content) => TestImages.Decode(content);

    /// <summary>The pixel's channels.</summary>
    public static int[] Pixel(TestImage image, int x, int y) => image.Pixel(x, y);

    /// <summary>Whether a pixel is close to a colour (lossy formats move colours a little).</summary>
    public static bool IsNear(int[] pixel, params int[] expected)
        => pixel.Length >= expected.Length && expected.Select((e, i) => Math.Abs(pixel[i] - e)).All(d => d <= 12);
}
