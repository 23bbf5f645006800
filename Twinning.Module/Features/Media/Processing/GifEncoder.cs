using System.Buffers.Binary;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>
/// Writes one still frame as a GIF89a, for <c>format=gif</c> and resized GIF sources: Skia decodes GIF but does not
/// write it. An image of at most 256 colours keeps them exactly; one with more is reduced to 256 by median cut over a
/// 5-bit-per-channel histogram, without dithering. Pixels under half opacity become the one transparent colour GIF has.
/// </summary>
public static class GifEncoder
{
    /// <summary>The largest code of GIF's LZW: codes are at most 12 bits wide.</summary>
    private const int MaxCode = 4095;

    /// <summary>Encodes <paramref name="rgba"/>: <paramref name="width"/> × <paramref name="height"/> pixels, four bytes
    /// each (red, green, blue, unpremultiplied alpha), row after row.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (width is < 1 or > ushort.MaxValue || height is < 1 or > ushort.MaxValue || rgba.Length != width * height * 4)
        {
            throw new ArgumentException($"A GIF frame is 1 to 65535 pixels a side, four bytes a pixel; got {width}×{height} and {rgba.Length} bytes.", nameof(rgba));
        }
        var (palette, indices, transparent) = Index(rgba);
        // The colour table has 2^bits entries (at least two), the transparent one included.
        var colours = palette.Count + (transparent is null ? 0 : 1);
        var bits = 1;
        while (1 << bits < colours)
        {
            bits++;
        }

        using var output = new MemoryStream();
        output.Write("GIF89a"u8);
        Span<byte> header = stackalloc byte[7];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)height);
        // A global colour table of 2^bits entries, 8 bits of colour resolution; background colour 0, square pixels.
        header[4] = (byte)(0x80 | (7 << 4) | (bits - 1));
        header[5] = 0;
        header[6] = 0;
        output.Write(header);
        for (var i = 0; i < 1 << bits; i++)
        {
            var colour = i < palette.Count ? palette[i] : 0;
            output.WriteByte((byte)(colour >> 16));
            output.WriteByte((byte)(colour >> 8));
            output.WriteByte((byte)colour);
        }
        if (transparent is { } index)
        {
            // Graphic control extension: no disposal, no delay, a transparent colour.
            output.Write([0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, (byte)index, 0x00]);
        }
        Span<byte> descriptor = stackalloc byte[10];
        descriptor[0] = 0x2C;
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[5..], (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[7..], (ushort)height);
        output.Write(descriptor);
        var minimumCodeSize = Math.Max(2, bits);
        output.WriteByte((byte)minimumCodeSize);
        Compress(indices, minimumCodeSize, output);
        output.WriteByte(0x3B);
        return output.ToArray();
    }

    /// <summary>The palette (0xRRGGBB), each pixel's index into it, and the transparent index if any pixel is
    /// transparent (the entry after the palette).</summary>
    private static (List<int> Palette, byte[] Indices, int? Transparent) Index(ReadOnlySpan<byte> rgba)
    {
        var count = rgba.Length / 4;
        var hasTransparency = false;
        for (var i = 0; i < count && !hasTransparency; i++)
        {
            hasTransparency = rgba[(i * 4) + 3] < 128;
        }
        var limit = hasTransparency ? 255 : 256;
        var indices = new byte[count];
        var exact = new Dictionary<int, byte>();
        var palette = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (rgba[(i * 4) + 3] < 128)
            {
                continue;
            }
            var colour = Rgb(rgba, i);
            if (!exact.TryGetValue(colour, out var index))
            {
                if (palette.Count == limit)
                {
                    return MedianCut(rgba, limit, hasTransparency);
                }
                exact[colour] = index = (byte)palette.Count;
                palette.Add(colour);
            }
            indices[i] = index;
        }
        return (palette, Transparent(rgba, indices, palette.Count, hasTransparency), hasTransparency ? palette.Count : null);
    }

    private static int Rgb(ReadOnlySpan<byte> rgba, int pixel)
        => (rgba[pixel * 4] << 16) | (rgba[(pixel * 4) + 1] << 8) | rgba[(pixel * 4) + 2];

    /// <summary>A pixel's 15-bit histogram bin: five bits of red, green and blue.</summary>
    private static int Bin(ReadOnlySpan<byte> rgba, int pixel)
        => ((rgba[pixel * 4] >> 3) << 10) | ((rgba[(pixel * 4) + 1] >> 3) << 5) | (rgba[(pixel * 4) + 2] >> 3);

    private static byte[] Transparent(ReadOnlySpan<byte> rgba, byte[] indices, int transparentIndex, bool hasTransparency)
    {
        if (hasTransparency)
        {
            for (var i = 0; i < indices.Length; i++)
            {
                if (rgba[(i * 4) + 3] < 128)
                {
                    indices[i] = (byte)transparentIndex;
                }
            }
        }
        return indices;
    }

    /// <summary>A box of the histogram: inclusive 5-bit bounds per channel, and the pixels in it.</summary>
    private sealed class Box
    {
        public readonly int[] Low = new int[3];
        public readonly int[] High = new int[3];
        public long Pixels;
        public int Bins;
    }

    /// <summary>At most <paramref name="limit"/> colours by median cut: the box holding the most pixels is split at
    /// the median of its longest side until there are enough boxes; a box's colour is the mean of its pixels.</summary>
    private static (List<int> Palette, byte[] Indices, int? Transparent) MedianCut(ReadOnlySpan<byte> rgba, int limit, bool hasTransparency)
    {
        var count = rgba.Length / 4;
        var histogram = new int[1 << 15];
        var sums = new long[(1 << 15) * 3];
        for (var i = 0; i < count; i++)
        {
            if (rgba[(i * 4) + 3] < 128)
            {
                continue;
            }
            var bin = Bin(rgba, i);
            histogram[bin]++;
            sums[bin * 3] += rgba[i * 4];
            sums[(bin * 3) + 1] += rgba[(i * 4) + 1];
            sums[(bin * 3) + 2] += rgba[(i * 4) + 2];
        }
        var first = new Box();
        first.High[0] = first.High[1] = first.High[2] = 31;
        Shrink(first, histogram);
        var boxes = new List<Box> { first };
        while (boxes.Count < limit)
        {
            var largest = boxes.Where(b => b.Bins > 1).MaxBy(b => b.Pixels);
            if (largest is null)
            {
                break;
            }
            boxes.Add(Split(largest, histogram));
        }
        var palette = new List<int>(boxes.Count);
        var binIndex = new byte[1 << 15];
        foreach (var box in boxes)
        {
            long r = 0, g = 0, b = 0;
            ForEachBin(box, bin =>
            {
                binIndex[bin] = (byte)palette.Count;
                r += sums[bin * 3];
                g += sums[(bin * 3) + 1];
                b += sums[(bin * 3) + 2];
            });
            var pixels = Math.Max(1, box.Pixels);
            palette.Add((int)((r / pixels) << 16 | (g / pixels) << 8 | (b / pixels)));
        }
        var indices = new byte[count];
        for (var i = 0; i < count; i++)
        {
            indices[i] = binIndex[Bin(rgba, i)];
        }
        return (palette, Transparent(rgba, indices, palette.Count, hasTransparency), hasTransparency ? palette.Count : null);
    }

    private static void ForEachBin(Box box, Action<int> action)
    {
        for (var r = box.Low[0]; r <= box.High[0]; r++)
        {
            for (var g = box.Low[1]; g <= box.High[1]; g++)
            {
                for (var b = box.Low[2]; b <= box.High[2]; b++)
                {
                    action((r << 10) | (g << 5) | b);
                }
            }
        }
    }

    /// <summary>Narrows the box to the bins that hold pixels and counts them.</summary>
    private static void Shrink(Box box, int[] histogram)
    {
        int[] low = [31, 31, 31], high = [0, 0, 0];
        long pixels = 0;
        var bins = 0;
        ForEachBin(box, bin =>
        {
            if (histogram[bin] == 0)
            {
                return;
            }
            int[] channels = [bin >> 10, (bin >> 5) & 31, bin & 31];
            for (var c = 0; c < 3; c++)
            {
                low[c] = Math.Min(low[c], channels[c]);
                high[c] = Math.Max(high[c], channels[c]);
            }
            pixels += histogram[bin];
            bins++;
        });
        if (bins > 0)
        {
            low.CopyTo(box.Low, 0);
            high.CopyTo(box.High, 0);
        }
        box.Pixels = pixels;
        box.Bins = bins;
    }

    /// <summary>Splits <paramref name="box"/> at the median of its longest side: it keeps the lower part and the upper
    /// part is returned.</summary>
    private static Box Split(Box box, int[] histogram)
    {
        var axis = Enumerable.Range(0, 3).MaxBy(c => box.High[c] - box.Low[c]);
        var slices = new long[32];
        ForEachBin(box, bin => slices[axis switch { 0 => bin >> 10, 1 => (bin >> 5) & 31, _ => bin & 31 }] += histogram[bin]);
        // The cut leaves at least one slice on each side.
        var cut = box.Low[axis];
        long below = slices[cut];
        while (cut + 1 < box.High[axis] && below * 2 < box.Pixels)
        {
            cut++;
            below += slices[cut];
        }
        var upper = new Box();
        box.Low.CopyTo(upper.Low, 0);
        box.High.CopyTo(upper.High, 0);
        upper.Low[axis] = cut + 1;
        box.High[axis] = cut;
        Shrink(box, histogram);
        Shrink(upper, histogram);
        return upper;
    }

    /// <summary>GIF's variable-width LZW over the indices, written as data sub-blocks of at most 255 bytes and the
    /// block terminator.</summary>
    private static void Compress(byte[] indices, int minimumCodeSize, Stream output)
    {
        var clear = 1 << minimumCodeSize;
        var end = clear + 1;
        var next = end + 1;
        var width = minimumCodeSize + 1;
        // A string already in the table, as (its prefix's code << 8) | its last index, to its code.
        var table = new Dictionary<int, int>();
        var block = new byte[256];
        var blockLength = 0;
        var bits = 0L;
        var bitCount = 0;

        void Emit(int code)
        {
            bits |= (long)code << bitCount;
            bitCount += width;
            while (bitCount >= 8)
            {
                Put((byte)bits);
                bits >>= 8;
                bitCount -= 8;
            }
        }

        void Put(byte value)
        {
            block[++blockLength] = value;
            if (blockLength == 255)
            {
                Flush();
            }
        }

        void Flush()
        {
            if (blockLength > 0)
            {
                block[0] = (byte)blockLength;
                output.Write(block, 0, blockLength + 1);
                blockLength = 0;
            }
        }

        Emit(clear);
        var prefix = (int)indices[0];
        for (var i = 1; i < indices.Length; i++)
        {
            var index = indices[i];
            var key = (prefix << 8) | index;
            if (table.TryGetValue(key, out var code))
            {
                prefix = code;
                continue;
            }
            Emit(prefix);
            if (next <= MaxCode)
            {
                table[key] = next++;
                // The decoder adds its entries one code later, and widens its codes when its table reaches the next
                // power of two: so the encoder widens once its own table has gone past it.
                if (next > 1 << width && width < 12)
                {
                    width++;
                }
            }
            else
            {
                // The table is full: start again, as the decoder will on reading the clear code.
                Emit(clear);
                table.Clear();
                next = end + 1;
                width = minimumCodeSize + 1;
            }
            prefix = index;
        }
        Emit(prefix);
        // On reading that last code the decoder adds its entry too, and may widen its codes before reading the end.
        if (next == 1 << width && width < 12)
        {
            width++;
        }
        Emit(end);
        if (bitCount > 0)
        {
            Put((byte)bits);
        }
        Flush();
        output.WriteByte(0);
    }
}
