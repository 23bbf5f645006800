using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Net.Http.Headers;
using System.Text;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>Uploads as a front end or an editor's browser sends them, and hostile files to send.</summary>
public static class MediaUploads
{
    /// <summary>A multipart/form-data body with each file in a field named "files".</summary>
    public static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string folder, params (string Name, byte[] Content)[] files)
        => client.PostAsync("/api/media?path=" + Uri.EscapeDataString(folder), Form(files));

    /// <summary>The start of a Windows program: what a renamed executable begins with.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[200]];

    /// <summary>A tiny PNG file whose header claims 30,000 × 30,000 pixels: 900 megapixels once decoded.</summary>
    public static byte[] PixelBomb()
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 30_000);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 30_000);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[90_001]);
        }
        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A GIF of <paramref name="frames"/> frames, each the whole <paramref name="width"/> × <paramref name="height"/>
    /// picture: the one frame Twinning's GIF writer makes, repeated.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = ((byte)(i % 251), 40, 40, 255);
        }
        var gif = global::Twinning.Module.Features.Media.Processing.GifEncoder.Encode(rgba, width, height);
        // Header and screen descriptor (13 bytes), the global colour table (its size in the descriptor's low bits), then
        // the frame: an opaque picture has no control extension, so its image descriptor up to the trailer.
        var frame = 13 + (3 << ((gif[10] & 7) + 1));
        var body = gif.AsSpan(frame, gif.Length - 1 - frame);
        var output = new MemoryStream();
        output.Write(gif, 0, frame);
        for (var i = 0; i < frames; i++)
        {
            output.Write(body);
        }
        output.WriteByte(0x3B);
        return output.ToArray();
    }

    /// <summary>A JPEG photograph whose EXIF says where it was taken (52°13′N) and that it is turned (orientation 6).</summary>
    public static byte[] JpegWithLocation(int width, int height) => WithExif(TestImages.Jpeg(width, height), LocationExif());

    /// <summary>An EXIF block (a little-endian TIFF structure): orientation 6, and a GPS directory with a latitude.</summary>
    public static byte[] LocationExif()
    {
        var tiff = new byte[92];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        // IFD0: Orientation = 6, GPSInfo -> 38.
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        Entry(tiff, 10, 0x0112, 3, 1, 6);
        Entry(tiff, 22, 0x8825, 4, 1, 38);
        // GPS IFD at 38: GPSLatitudeRef = "N", GPSLatitude -> 68.
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(38), 2);
        Entry(tiff, 40, 0x0001, 2, 2, 'N');
        Entry(tiff, 52, 0x0002, 5, 3, 68);
        uint[] degrees = [52, 1, 13, 1, 0, 1];
        for (var i = 0; i < degrees.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(68 + (i * 4)), degrees[i]);
        }
        return tiff;
    }

    /// <summary>An EXIF block with only an orientation (1 to 8).</summary>
    public static byte[] OrientationExif(ushort orientation)
    {
        var tiff = new byte[26];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 1);
        Entry(tiff, 10, 0x0112, 3, 1, orientation);
        return tiff;
    }

    /// <summary>The image with <paramref name="tiff"/> as its EXIF block, where each format keeps one: a JPEG APP1
    /// segment, a PNG eXIf chunk after the header, a WebP EXIF chunk in the extended format.</summary>
    public static byte[] WithExif(byte[] image, byte[] tiff)
    {
        if (image.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]))
        {
            var segment = new byte[4 + 6 + tiff.Length];
            segment[0] = 0xFF;
            segment[1] = 0xE1;
            BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
            "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
            tiff.CopyTo(segment.AsSpan(10));
            return [.. image.AsSpan(0, 2), .. segment, .. image.AsSpan(2)];
        }
        var output = new MemoryStream();
        if (image.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            // The signature and the IHDR chunk (13 bytes of data), then eXIf.
            output.Write(image, 0, 8 + 12 + 13);
            Chunk(output, "eXIf", tiff);
            output.Write(image, 8 + 12 + 13, image.Length - (8 + 12 + 13));
            return output.ToArray();
        }
        if (image.AsSpan(8).StartsWith("WEBPVP8 "u8))
        {
            var decoded = TestImages.Decode(image);
            var chunks = new MemoryStream();
            var vp8x = new byte[10];
            vp8x[0] = 0x08; // EXIF
            WriteUInt24(vp8x.AsSpan(4), decoded.Width - 1);
            WriteUInt24(vp8x.AsSpan(7), decoded.Height - 1);
            RiffChunk(chunks, "VP8X", vp8x);
            chunks.Write(image, 12, image.Length - 12);
            RiffChunk(chunks, "EXIF", tiff);
            output.Write("RIFF"u8);
            Span<byte> size = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(4 + chunks.Length));
            output.Write(size);
            output.Write("WEBP"u8);
            chunks.WriteTo(output);
            return output.ToArray();
        }
        throw new ArgumentException("Only JPEG, PNG and simple lossy WebP images take an EXIF block here.", nameof(image));
    }

    /// <summary>The image's EXIF block (its TIFF structure), or null when it has none.</summary>
    public static byte[]? ExifOf(byte[] image)
    {
        var span = image.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]))
        {
            for (var at = 2; at + 4 <= span.Length && span[at] == 0xFF && span[at + 1] is not 0xDA;)
            {
                var length = BinaryPrimitives.ReadUInt16BigEndian(span[(at + 2)..]);
                if (span[at + 1] == 0xE1 && span[(at + 4)..].StartsWith("Exif\0\0"u8))
                {
                    return span.Slice(at + 10, length - 8).ToArray();
                }
                at += 2 + length;
            }
            return null;
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            for (var at = 8; at + 8 <= span.Length;)
            {
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(span[at..]);
                if (span.Slice(at + 4, 4).SequenceEqual("eXIf"u8))
                {
                    return span.Slice(at + 8, length).ToArray();
                }
                at += 12 + length;
            }
            return null;
        }
        for (var at = 12; at + 8 <= span.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 4)..]);
            if (span.Slice(at, 4).SequenceEqual("EXIF"u8))
            {
                var block = span.Slice(at + 8, length);
                return (block.StartsWith("Exif\0\0"u8) ? block[6..] : block).ToArray();
            }
            at += 8 + length + (length & 1);
        }
        return null;
    }

    /// <summary>The tags of an EXIF block's main directory with their values (a SHORT as itself, anything else as its
    /// four value bytes), and the tags of its GPS directory.</summary>
    public static (Dictionary<ushort, uint> Main, HashSet<ushort> Gps) ExifTags(byte[] tiff)
    {
        var little = tiff[0] == (byte)'I';
        ushort U16(int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(tiff.AsSpan(at));
        uint U32(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.AsSpan(at));
        Dictionary<ushort, uint> Directory(int at)
        {
            var entries = new Dictionary<ushort, uint>();
            for (var i = 0; i < U16(at); i++)
            {
                var entry = at + 2 + (i * 12);
                entries[U16(entry)] = U16(entry + 2) == 3 ? U16(entry + 8) : U32(entry + 8);
            }
            return entries;
        }
        var main = Directory((int)U32(4));
        var gps = main.TryGetValue(0x8825, out var pointer) ? Directory((int)pointer).Keys.ToHashSet() : [];
        return (main, gps);
    }

    private static void WriteUInt24(Span<byte> span, int value)
        => (span[0], span[1], span[2]) = ((byte)value, (byte)(value >> 8), (byte)(value >> 16));

    private static void RiffChunk(Stream output, string type, byte[] data)
    {
        output.Write(Encoding.ASCII.GetBytes(type));
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)data.Length);
        output.Write(length);
        output.Write(data);
        if ((data.Length & 1) == 1)
        {
            output.WriteByte(0);
        }
    }

    public const string HostileSvg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100" onload="alert(1)">
          <script>alert(document.cookie)</script>
          <title>Herb miasta</title>
          <circle cx="50" cy="50" r="40" fill="red" onclick="steal()"/>
          <a xlink:href="javascript:alert(2)"><rect width="10" height="10"/></a>
          <image href="https://tracker.example/pixel.png" width="1" height="1"/>
          <foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>
          <rect width="20" height="20" style="fill: url(https://evil.example/x)"/>
        </svg>
        """;

    public const string SvgWithEntities = """
        <?xml version="1.0"?>
        <!DOCTYPE svg [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;"> ]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>
        """;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        output.Write(crc);
    }
}
