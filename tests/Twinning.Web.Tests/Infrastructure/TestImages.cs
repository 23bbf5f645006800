using NetVips;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Real images made for each test, so no binary fixtures sit in the repository.</summary>
public static class TestImages
{
    /// <summary>A solid image of one colour.</summary>
    public static Image Solid(int width, int height, double red = 200, double green = 40, double blue = 40)
        => (Image.Black(width, height) + new[] { red, green, blue }).Cast(Enums.BandFormat.Uchar);

    public static byte[] Jpeg(int width, int height) { using var image = Solid(width, height); return image.JpegsaveBuffer(); }

    public static byte[] Png(int width, int height) { using var image = Solid(width, height); return image.PngsaveBuffer(); }
}
