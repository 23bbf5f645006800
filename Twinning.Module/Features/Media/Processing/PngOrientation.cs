using System.Buffers.Binary;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>
/// The EXIF orientation of a PNG file, which Skia reads from JPEG and WebP but not from PNG's eXIf chunk. Phones and
/// editing programs write it there too, and a turned photograph would otherwise be shown on its side. Only the chunks
/// before the image data are read, as a decoder reading the header sees them.
/// </summary>
public static class PngOrientation
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ShortType = 3;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>libpng's own limit on the chunks it keeps: a file with more before its image data is not one a camera
    /// or an editor wrote, and is not walked to its end.</summary>
    private const int MaxChunks = 1000;

    /// <summary>The orientation (1 to 8), or null when the file has none or it cannot be read. The stream must be
    /// seekable, as a file's is: the chunks before the eXIf chunk are skipped, not read.</summary>
    public static int? Read(Stream png)
    {
        Span<byte> header = stackalloc byte[8];
        if (!png.CanSeek || png.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8 || !header.SequenceEqual(Signature))
        {
            return null;
        }
        for (var chunks = 0; chunks < MaxChunks && png.ReadAtLeast(header, 8, throwOnEndOfStream: false) == 8; chunks++)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = header[4..];
            if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8) || length > int.MaxValue - 4)
            {
                return null;
            }
            if (type.SequenceEqual("eXIf"u8))
            {
                // An EXIF block larger than 64 KB is not one a camera wrote; it is not read.
                if (length > 65536)
                {
                    return null;
                }
                var tiff = new byte[length];
                return png.ReadAtLeast(tiff, tiff.Length, throwOnEndOfStream: false) == tiff.Length ? FromTiff(tiff) : null;
            }
            // The chunk's data and its CRC.
            png.Seek(length + 4L, SeekOrigin.Current);
        }
        return null;
    }

    /// <summary>The orientation entry of a TIFF structure's first directory.</summary>
    internal static int? FromTiff(ReadOnlySpan<byte> tiff)
    {
        if (!TiffLayout.TryRead(tiff, out var layout))
        {
            return null;
        }
        var directory = layout.FirstDirectory(tiff);
        if (directory > (uint)tiff.Length - 2)
        {
            return null;
        }
        int count = layout.U16(tiff, (int)directory);
        for (var i = 0; i < count; i++)
        {
            var entry = TiffLayout.Entry(directory, i);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }
            if (layout.U16(tiff, entry) == OrientationTag)
            {
                // One SHORT, held in the entry itself.
                return layout.U16(tiff, entry + 2) == ShortType && layout.U16(tiff, entry + 8) is var value and >= 1 and <= 8 ? value : null;
            }
        }
        return null;
    }
}
