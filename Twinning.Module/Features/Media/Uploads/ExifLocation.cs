using System.Buffers.Binary;
using System.IO.Hashing;

namespace Twinning.Module.Features.Media.Uploads;

/// <summary>
/// Removes where a photograph was taken without touching its pixels: the GPS directory of its EXIF data is
/// emptied in place (orientation, camera and copyright stay), and XMP packets that repeat the location are
/// dropped. JPEG (APP1), PNG (eXIf) and WebP (EXIF chunk) are handled; EXIF that cannot be read safely is
/// dropped whole rather than kept with a location in it.
/// </summary>
public static class ExifLocation
{
    private const ushort GpsInfoTag = 0x8825;

    /// <summary>The file without location data.</summary>
    public static byte[] Strip(string kind, byte[] content) => kind switch
    {
        "jpeg" => StripJpeg(content),
        "png" => StripPng(content),
        "webp" => StripWebp(content),
        _ => content,
    };

    private static byte[] StripJpeg(byte[] content)
    {
        var output = new MemoryStream(content.Length);
        output.Write(content, 0, 2);
        var position = 2;
        while (position + 4 <= content.Length && content[position] == 0xFF)
        {
            var marker = content[position + 1];
            if (marker is 0xDA or 0xD9)
            {
                break;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(content.AsSpan(position + 2));
            if (length < 2 || position + 2 + length > content.Length)
            {
                break;
            }
            var segment = content.AsSpan(position, 2 + length);
            var payload = segment[4..];
            if (marker == 0xE1 && payload.StartsWith("Exif\0\0"u8))
            {
                var copy = segment.ToArray();
                if (EmptyGpsDirectory(copy.AsSpan(10)))
                {
                    output.Write(copy);
                }
            }
            else if (!(marker == 0xE1 && IsXmpWithLocation(payload)))
            {
                output.Write(segment);
            }
            position += 2 + length;
        }
        output.Write(content, position, content.Length - position);
        return output.ToArray();
    }

    private static byte[] StripPng(byte[] content)
    {
        var output = new MemoryStream(content.Length);
        output.Write(content, 0, 8);
        var position = 8;
        while (position + 12 <= content.Length)
        {
            // Compared as a 64-bit number: a length near the 32-bit limit must not wrap round to a small one.
            var declared = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(position));
            if (position + 12L + declared > content.Length)
            {
                break;
            }
            var length = (int)declared;
            var type = content.AsSpan(position + 4, 4);
            var chunk = content.AsSpan(position, 12 + length);
            if (type.SequenceEqual("eXIf"u8))
            {
                var copy = chunk.ToArray();
                if (EmptyGpsDirectory(copy.AsSpan(8, length)))
                {
                    BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(8 + length), Crc32.HashToUInt32(copy.AsSpan(4, 4 + length)));
                    output.Write(copy);
                }
            }
            else if (!(type.SequenceEqual("iTXt"u8) && IsXmpWithLocation(chunk[8..^4])))
            {
                output.Write(chunk);
            }
            position += 12 + length;
        }
        output.Write(content, position, content.Length - position);
        return output.ToArray();
    }

    private static byte[] StripWebp(byte[] content)
    {
        if (content.Length < 12)
        {
            return content;
        }
        var output = new MemoryStream(content.Length);
        output.Write(content, 0, 12);
        var position = 12;
        while (position + 8 <= content.Length)
        {
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(position + 4));
            if (position + 8L + declared + (declared & 1) > content.Length)
            {
                break;
            }
            var size = (int)declared;
            var padded = size + (size & 1);
            var type = content.AsSpan(position, 4);
            var chunk = content.AsSpan(position, 8 + padded);
            if (type.SequenceEqual("EXIF"u8))
            {
                var copy = chunk.ToArray();
                // Some writers keep JPEG's "Exif\0\0" prefix inside the chunk.
                var tiff = copy.AsSpan(8, size);
                if (EmptyGpsDirectory(tiff.StartsWith("Exif\0\0"u8) ? tiff[6..] : tiff))
                {
                    output.Write(copy);
                }
            }
            else if (!(type.SequenceEqual("XMP "u8) && IsXmpWithLocation(chunk[8..])))
            {
                output.Write(chunk);
            }
            position += 8 + padded;
        }
        output.Write(content, position, content.Length - position);
        var result = output.ToArray();
        // The RIFF size covers everything after the first eight bytes.
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }

    /// <summary>Empties the GPS directory of a TIFF structure in place. False when the structure cannot be
    /// read safely, in which case the caller drops the EXIF block whole.</summary>
    private static bool EmptyGpsDirectory(Span<byte> tiff)
    {
        if (!TiffLayout.TryRead(tiff, out var layout))
        {
            return false;
        }
        // Offsets are compared as 64-bit numbers: in 32 bits one near the end of the range wraps round to the block's start.
        var ifd0 = layout.FirstDirectory(tiff);
        if (ifd0 + 2L > tiff.Length)
        {
            return false;
        }
        int count = layout.U16(tiff, (int)ifd0);
        if (ifd0 + 2L + (count * 12) > tiff.Length)
        {
            return false;
        }
        for (var i = 0; i < count; i++)
        {
            var entry = TiffLayout.Entry(ifd0, i);
            if (layout.U16(tiff, entry) != GpsInfoTag)
            {
                continue;
            }
            var gps = layout.U32(tiff, entry + 8);
            if (gps + 2L > tiff.Length)
            {
                return false;
            }
            int gpsCount = layout.U16(tiff, (int)gps);
            var end = gps + 2L + (gpsCount * 12) + 4;
            if (end > tiff.Length)
            {
                return false;
            }
            for (var g = 0; g < gpsCount; g++)
            {
                var gpsEntry = TiffLayout.Entry(gps, g);
                var size = TypeSize(layout.U16(tiff, gpsEntry + 2)) * (long)layout.U32(tiff, gpsEntry + 4);
                if (size > 4)
                {
                    var offset = layout.U32(tiff, gpsEntry + 8);
                    if (offset + size > tiff.Length)
                    {
                        return false;
                    }
                    tiff.Slice((int)offset, (int)size).Clear();
                }
            }
            // An empty directory: no entries, no next directory.
            tiff.Slice((int)gps, (int)(end - gps)).Clear();
        }
        return true;
    }

    private static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 => 4,
        5 or 10 or 12 => 8,
        _ => 1,
    };

    private static bool IsXmpWithLocation(ReadOnlySpan<byte> payload)
    {
        var text = System.Text.Encoding.UTF8.GetString(payload);
        return text.Contains("GPSLatitude", StringComparison.Ordinal) || text.Contains("GPSLongitude", StringComparison.Ordinal);
    }
}
