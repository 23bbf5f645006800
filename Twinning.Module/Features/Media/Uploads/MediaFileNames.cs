using System.Text;

namespace Twinning.Module.Features.Media.Uploads;

/// <summary>Safe names for uploaded files and new folders: whatever path the client sends is dropped, letters of
/// every script are kept (editors name files in Polish, Belarusian, Lithuanian …), and characters that mean
/// something in a path, a URL or a shell become hyphens.</summary>
public static class MediaFileNames
{
    /// <summary>Longest name kept, in characters, so that paths stay well under file system limits.</summary>
    public const int MaxLength = 120;

    /// <summary>The safe form of a name, or null when nothing usable is left.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        // Only the last segment: "../../etc/passwd" and "C:\\photos\\a.jpg" keep just their file name.
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark
                ? c
                : '-');
        }
        var cleaned = CollapseHyphens(builder.ToString()).Trim('-', '.', ' ');
        if (cleaned.Length == 0 || cleaned.All(c => c == '.'))
        {
            return null;
        }
        var extension = Path.GetExtension(cleaned).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(cleaned).TrimEnd('.', '-');
        if (stem.Length == 0)
        {
            return null;
        }
        if (stem.Length + extension.Length > MaxLength)
        {
            stem = stem[..Math.Max(1, MaxLength - extension.Length)];
        }
        return stem + extension;
    }

    /// <summary>The first of <c>name</c>, <c>name-2</c>, <c>name-3</c> … that <paramref name="isTaken"/> refuses.</summary>
    public static string Unique(string name, Func<string, bool> isTaken)
    {
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var candidate = name;
        for (var n = 2; isTaken(candidate); n++)
        {
            candidate = $"{stem}-{n}{extension}";
        }
        return candidate;
    }

    private static string CollapseHyphens(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != '-' || builder.Length == 0 || builder[^1] != '-')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
