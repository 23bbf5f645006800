using System.IO.Compression;
using System.Text;

namespace Twinning.Module.Features.Media.Uploads;

/// <summary>
/// What a file is, decided by its first bytes (and, for ZIP-based documents, by its entries), never by its name.
/// Each allowed extension names the one kind of content it may hold.
/// </summary>
public static class FileSignatures
{
    /// <summary>The kind of content each extension must hold, and the MIME type it is served as.</summary>
    private static readonly Dictionary<string, (string Kind, string MimeType)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("jpeg", "image/jpeg"),
        [".jpeg"] = ("jpeg", "image/jpeg"),
        [".png"] = ("png", "image/png"),
        [".gif"] = ("gif", "image/gif"),
        [".webp"] = ("webp", "image/webp"),
        [".ico"] = ("ico", "image/x-icon"),
        [".svg"] = ("svg", "image/svg+xml"),
        [".pdf"] = ("pdf", "application/pdf"),
        [".doc"] = ("ole", "application/msword"),
        [".xls"] = ("ole", "application/vnd.ms-excel"),
        [".ppt"] = ("ole", "application/vnd.ms-powerpoint"),
        [".pps"] = ("ole", "application/vnd.ms-powerpoint"),
        [".docx"] = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".ppsx"] = ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.slideshow"),
        [".odt"] = ("odt", "application/vnd.oasis.opendocument.text"),
        [".psd"] = ("psd", "image/vnd.adobe.photoshop"),
        [".mp3"] = ("mp3", "audio/mpeg"),
        [".m4a"] = ("isobmff", "audio/mp4"),
        [".mp4"] = ("isobmff", "video/mp4"),
        [".m4v"] = ("isobmff", "video/x-m4v"),
        [".mov"] = ("isobmff", "video/quicktime"),
        [".3gp"] = ("isobmff", "video/3gpp"),
        [".ogg"] = ("ogg", "audio/ogg"),
        [".ogv"] = ("ogg", "video/ogg"),
        [".wav"] = ("wav", "audio/wav"),
        [".avi"] = ("avi", "video/x-msvideo"),
        [".wmv"] = ("asf", "video/x-ms-wmv"),
        [".mpg"] = ("mpeg", "video/mpeg"),
        [".txt"] = ("text", "text/plain; charset=utf-8"),
        [".csv"] = ("text", "text/csv; charset=utf-8"),
    };

    /// <summary>The raster formats the image checks (pixel count, location data) and resizing apply to.</summary>
    public static bool IsRasterImage(string kind) => kind is "jpeg" or "png" or "gif" or "webp";

    /// <summary>The kind and MIME type an extension promises, or null for an extension Twinning does not know.</summary>
    public static (string Kind, string MimeType)? ForExtension(string extension)
        => Extensions.TryGetValue(extension, out var known) ? known : null;

    /// <summary>Whether the content is the kind of file its extension promises.</summary>
    public static bool Matches(string kind, ReadOnlySpan<byte> content) => kind switch
    {
        "jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "gif" => content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8),
        "webp" => Riff(content, "WEBP"u8),
        "wav" => Riff(content, "WAVE"u8),
        "avi" => Riff(content, "AVI "u8),
        "ico" => content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0x00]),
        "pdf" => content.StartsWith("%PDF-"u8),
        "ole" => content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        "psd" => content.StartsWith("8BPS"u8),
        "mp3" => content.StartsWith("ID3"u8) || (content.Length > 1 && content[0] == 0xFF && (content[1] & 0xE0) == 0xE0),
        "isobmff" => content.Length > 12 && content[4..8].SequenceEqual("ftyp"u8),
        "ogg" => content.StartsWith("OggS"u8),
        "asf" => content.StartsWith((ReadOnlySpan<byte>)[0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]),
        "mpeg" => content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0xBA]) || content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0xB3]),
        "svg" => LooksLikeXml(content),
        "text" => IsUtf8Text(content),
        "docx" => Zip(content, zip => Has(zip, "[Content_Types].xml", "word/")),
        "xlsx" => Zip(content, zip => Has(zip, "[Content_Types].xml", "xl/")),
        "pptx" => Zip(content, zip => Has(zip, "[Content_Types].xml", "ppt/")),
        "odt" => Zip(content, zip => Has(zip, "mimetype", "content.xml") && MimeTypeOf(zip) == "application/vnd.oasis.opendocument.text"),
        _ => false,
    };

    private static bool Riff(ReadOnlySpan<byte> content, ReadOnlySpan<byte> form)
        => content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual(form);

    private static bool LooksLikeXml(ReadOnlySpan<byte> content)
    {
        var start = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
        var text = Encoding.UTF8.GetString(start[..Math.Min(start.Length, 1024)]).TrimStart();
        return text.StartsWith('<');
    }

    private static bool IsUtf8Text(ReadOnlySpan<byte> content)
        => !content.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(content);

    /// <summary>Whether <paramref name="content"/> is a zip archive that passes <paramref name="test"/>; a damaged archive,
    /// or an entry that cannot be read, passes no test.</summary>
    private static bool Zip(ReadOnlySpan<byte> content, Func<ZipArchive, bool> test)
    {
        if (!content.StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return test(zip);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool Has(ZipArchive zip, string entry, string folder)
        => zip.GetEntry(entry) is not null && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>An OpenDocument file's <c>mimetype</c> entry, read up to 256 bytes: the size a zip declares can be false,
    /// and a small file can inflate to gigabytes.</summary>
    private static string? MimeTypeOf(ZipArchive zip)
    {
        const int MaxLength = 256;
        using var entry = zip.GetEntry("mimetype")!.Open();
        Span<byte> text = stackalloc byte[MaxLength + 1];
        var read = entry.ReadAtLeast(text, text.Length, throwOnEndOfStream: false);
        return read > MaxLength ? null : Encoding.ASCII.GetString(text[..read]).Trim();
    }
}
