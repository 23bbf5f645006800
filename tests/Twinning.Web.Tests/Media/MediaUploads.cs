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

    /// <summary>A JPEG photograph whose EXIF says where it was taken (52°13′N) and that it is turned (orientation 6).</summary>
    public static byte[] JpegWithLocation(int width, int height)
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
        var jpeg = TestImages.Jpeg(width, height);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
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
