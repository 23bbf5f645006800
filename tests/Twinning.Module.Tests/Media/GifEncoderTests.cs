using SkiaSharp;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Tests.Media;

/// <summary>The GIF writer's output, read back by Skia's GIF decoder (the one Chromium uses).</summary>
public sealed class GifEncoderTests
{
    private static byte[] Pixels(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> colour)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 4;
                (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) = colour(x, y);
            }
        }
        return rgba;
    }

    private static (SKImageInfo Info, byte[] Rgba) Read(byte[] gif)
    {
        using var data = SKData.CreateCopy(gif);
        using var codec = SKCodec.Create(data);
        Assert.NotNull(codec);
        Assert.Equal(SKEncodedImageFormat.Gif, codec.EncodedFormat);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, out var rgba));
        return (info, rgba);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(7, 3, 5)]
    [InlineData(64, 48, 256)]
    // Enough pixels of enough colours for the code table to fill and start again many times.
    [InlineData(640, 480, 256)]
    public void AnImageOfAtMost256ColoursComesBackExactly(int width, int height, int colours)
    {
        var random = new Random(width * height);
        var palette = Enumerable.Range(0, colours).Select(i => ((byte)random.Next(256), (byte)random.Next(256), (byte)i, (byte)255)).ToArray();
        var rgba = Pixels(width, height, (_, _) => palette[random.Next(colours)]);

        var (info, decoded) = Read(GifEncoder.Encode(rgba, width, height));

        Assert.Equal((width, height), (info.Width, info.Height));
        Assert.Equal(rgba, decoded);
    }

    [Fact]
    public void TheEndCodeIsAsWideAsTheDecoderThenReadsIt()
    {
        // Four colours, every pair of neighbours new: clear and three codes of 3 bits, seven of 4 bits, the last data
        // code of 4 bits (44 bits). On reading it the decoder's table reaches 16 entries, so it reads the end code with
        // 5 bits: a 4-bit one would end the data exactly on a byte and leave the decoder a bit short.
        byte[][] colours = [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 0, 255]];
        int[] indices = [0, 1, 2, 3, 0, 2, 1, 3, 1, 0, 3];
        var rgba = indices.SelectMany(i => colours[i]).ToArray();

        var gif = GifEncoder.Encode(rgba, 11, 1);

        // The image data: minimum code size 2, one sub-block of 7 bytes (49 bits), the block terminator, the trailer.
        var data = gif.AsSpan(gif.Length - 11);
        Assert.Equal([2, 7], data[..2].ToArray());
        var bits = 0UL;
        for (var i = 0; i < 7; i++)
        {
            bits |= (ulong)data[2 + i] << (8 * i);
        }
        Assert.Equal(5UL, bits >> 44);
        Assert.Equal(rgba, Read(gif).Rgba);
    }

    [Fact]
    public void PixelsUnderHalfOpacityBecomeTransparentAndTheRestOpaque()
    {
        var rgba = Pixels(10, 10, (x, _) => x < 5 ? ((byte)200, (byte)30, (byte)30, (byte)100) : ((byte)10, (byte)20, (byte)240, (byte)200));

        var (_, decoded) = Read(GifEncoder.Encode(rgba, 10, 10));

        Assert.Equal(0, decoded[3]);
        Assert.Equal([10, 20, 240, 255], decoded.AsSpan(((5 * 10) + 7) * 4, 4).ToArray());
    }

    [Fact]
    public void AnImageOfMoreColoursKeepsItsColoursClose()
    {
        // A smooth gradient of 65,536 colours.
        var rgba = Pixels(256, 256, (x, y) => ((byte)x, (byte)y, (byte)((x + y) / 2), (byte)255));

        var (_, decoded) = Read(GifEncoder.Encode(rgba, 256, 256));

        var distinct = new HashSet<int>();
        var worst = 0;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            distinct.Add((decoded[i] << 16) | (decoded[i + 1] << 8) | decoded[i + 2]);
            for (var c = 0; c < 3; c++)
            {
                worst = Math.Max(worst, Math.Abs(decoded[i + c] - rgba[i + c]));
            }
        }
        Assert.InRange(distinct.Count, 200, 256);
        Assert.True(worst <= 24, $"a channel moved by {worst}");
    }

    [Fact]
    public void AFrameThatIsNotFourBytesAPixelIsRefused()
        => Assert.Throws<ArgumentException>(() => GifEncoder.Encode(new byte[15], 2, 2));
}
