using System.ComponentModel.DataAnnotations;

namespace Twinning.Module.Features.Media;

/// <summary>The <c>Twinning:Media</c> configuration section. Names and defaults follow Orchard Core's media options
/// where it has one (<c>MaxFileSize</c>, <c>SupportedSizes</c>, <c>UseTokenizedQueryString</c>, cache days).</summary>
public sealed class MediaOptions
{
    public const string Section = "Twinning:Media";

    /// <summary>Largest upload, in bytes (Orchard Core's default: about 30 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileSize { get; set; } = 30_000_000;

    /// <summary>Largest image accepted, in pixels (width × height): a small file that decodes to a huge bitmap
    /// (a decompression bomb) is refused before anything decodes it. 50 megapixels covers any camera photograph.</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>File extensions the library accepts (Orchard Core's list, plus plain text and CSV for published data);
    /// each file's content must also be what its extension says.</summary>
    public string[] AllowedFileExtensions { get; set; } =
    [
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".ico", ".svg",
        ".pdf", ".doc", ".docx", ".ppt", ".pptx", ".pps", ".ppsx", ".odt", ".xls", ".xlsx", ".psd",
        ".mp3", ".m4a", ".ogg", ".wav",
        ".mp4", ".m4v", ".mov", ".wmv", ".avi", ".mpg", ".ogv", ".3gp",
        ".txt", ".csv",
    ];

    /// <summary>Whether GPS location is removed from the EXIF data of uploaded photographs (on by default:
    /// a photo taken at home should not publish the address).</summary>
    public bool StripLocation { get; set; } = true;

    /// <summary>Resize commands must carry a valid <c>token</c> (any size allowed). When false, only
    /// <see cref="SupportedSizes"/> are served and the commands that need a token are refused.</summary>
    public bool UseTokenizedQueryString { get; set; } = true;

    /// <summary>Widths and heights allowed without a token when <see cref="UseTokenizedQueryString"/> is off, and the
    /// only ones GraphQL's <c>resizeUrl</c> signs for callers who may not change the media library.</summary>
    public int[] SupportedSizes { get; set; } = [16, 32, 50, 100, 160, 240, 480, 600, 1024, 2048];

    /// <summary>Also accept tokens in Orchard Core's format, for URLs an Orchard Core site signed with the same key.
    /// Off by default: that format signs the values run together, so a token made for one URL opens others.</summary>
    public bool AcceptOrchardCoreTokens { get; set; }

    /// <summary>How many <c>resizeUrl</c> fields one GraphQL request may answer: each is a variant the server may
    /// be asked to compute and keep.</summary>
    [Range(1, 100_000)]
    public int MaxResizeUrlsPerRequest { get; set; } = 200;

    /// <summary>The largest width or height a resize may produce, even with a valid token.</summary>
    [Range(1, 16384)]
    public int MaxResizeDimension { get; set; } = 4096;

    /// <summary>How long browsers may keep original files (Orchard Core: MaxBrowserCacheDays).</summary>
    [Range(0, 3650)]
    public int MaxBrowserCacheDays { get; set; } = 30;

    /// <summary>How long browsers and CDNs may keep resized images (Orchard Core: MaxCacheDays).</summary>
    [Range(0, 3650)]
    public int MaxCacheDays { get; set; } = 365;

    /// <summary>Upper bound of the resized-image cache on disk, in bytes; the least recently used variants go first.</summary>
    [Range(1, long.MaxValue)]
    public long ResizedCacheMaxSize { get; set; } = 1L << 30;

    /// <summary>Widths offered in <c>srcset</c> lists, capped at each image's own width.</summary>
    public int[] SrcsetWidths { get; set; } = [320, 640, 960, 1280, 1920];
}
