using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Processing;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>Real images made in the tests with libvips, written into an app's media library, and signed URLs.</summary>
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
    {
        using var x = NetVips.Image.Xyz(width, height)[0];
        using var left = x < width / 2;
        using var pixels = left.Ifthenelse(new double[] { Red.R, Red.G, Red.B }, new double[] { Blue.R, Blue.G, Blue.B });
        using var image = pixels.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return image.WriteToBuffer(format);
    }

    /// <summary>Random pixels, which compress badly: file size follows pixel count and quality.</summary>
    public static byte[] Noise(int width, int height, string format = ".png")
    {
        using var r = NetVips.Image.Gaussnoise(width, height, sigma: 80, mean: 128);
        using var g = NetVips.Image.Gaussnoise(width, height, sigma: 80, mean: 128);
        using var b = NetVips.Image.Gaussnoise(width, height, sigma: 80, mean: 128);
        using var joined = r.Bandjoin(g, b);
        using var image = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return image.WriteToBuffer(format);
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

    public static NetVips.Image Decode(byte[] content) => NetVips.Image.NewFromBuffer(content);

    /// <summary>The pixel's channels, rounded.</summary>
    public static int[] Pixel(NetVips.Image image, int x, int y) => image.Getpoint(x, y).Select(v => (int)Math.Round(v)).ToArray();

    /// <summary>Whether a pixel is close to a colour (lossy formats move colours a little).</summary>
    public static bool IsNear(int[] pixel, params int[] expected)
        => pixel.Length >= expected.Length && expected.Select((e, i) => Math.Abs(pixel[i] - e)).All(d => d <= 12);
}
