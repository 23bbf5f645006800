namespace Twinning.Core.Content;

/// <summary>Library paths: forward slashes, no leading slash, no <c>.</c> or <c>..</c> segments, no ':' (drive
/// letters, alternate data streams) or control characters, at most <see cref="MaxLength"/> characters.</summary>
public static class MediaPaths
{
    /// <summary>The longest library path; content's references to files are indexed up to this length.</summary>
    public const int MaxLength = 1024;

    /// <summary>The library path, or null when it is empty, too long or would leave the library.</summary>
    public static string? Normalize(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is "." or ".." || s.Any(char.IsControl) || s.Contains(':', StringComparison.Ordinal)))
        {
            return null;
        }
        var normalized = string.Join('/', segments);
        return normalized.Length <= MaxLength ? normalized : null;
    }

    /// <summary>A folder parameter: absent or empty is the library root; false when it is given but is not a library path.</summary>
    public static bool TryFolder(string? path, out string folder)
    {
        folder = string.IsNullOrEmpty(path) ? "" : Normalize(path) ?? "";
        return string.IsNullOrEmpty(path) || folder.Length > 0;
    }

    /// <summary>The public URL of a library path: <c>/media/</c> and each segment escaped.</summary>
    public static string ToPublicUrl(string path)
        => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static string Combine(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;

    public static string FolderOf(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : "";

    public static string FileNameOf(string path) => path[(path.LastIndexOf('/') + 1)..];
}
