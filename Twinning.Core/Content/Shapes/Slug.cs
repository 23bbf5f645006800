using System.Globalization;
using System.Text;

namespace Twinning.Core.Content.Shapes;

/// <summary>Turns a title into a URL path segment: lower case, accents removed, words joined by hyphens.
/// Letters of other scripts (Cyrillic, for Belarusian, Russian and Ukrainian titles) are kept.</summary>
public static class Slug
{
    public const int MaxLength = 1024;

    public static string From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        // Ł/ł have no Unicode decomposition, so they would survive accent stripping.
        var decomposed = text.Replace('ł', 'l').Replace('Ł', 'L').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        var lastLetter = '\0';
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                // Accents go from Latin letters (ą → a); Cyrillic й, ё, ў, ї keep theirs, they are other letters.
                if (IsCyrillic(lastLetter) && builder.Length > 0)
                {
                    builder.Append(c);
                }
                continue;
            }
            lastLetter = c;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = builder.ToString().Normalize(NormalizationForm.FormC);
        return slug.Length <= 200 ? slug : slug[..200].TrimEnd('-');
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Whether an editor-supplied path is acceptable: relative, no traversal, no spaces or reserved characters.</summary>
    public static bool IsValidPath(string path)
        => path.Length is > 0 and <= MaxLength
           && !path.StartsWith('/')
           && !path.EndsWith('/')
           && !path.Contains("//", StringComparison.Ordinal)
           && !path.Split('/').Any(segment => segment is "." or "..")
           && path.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '~');

    /// <summary>A translation's address: the source's path under the target culture's prefix (<c>en-gb/…</c>), the
    /// source culture's prefix removed first, so translating a translation does not stack prefixes.</summary>
    public static string InCulture(string path, string? sourceCulture, string culture)
    {
        var rest = path.Trim('/');
        if (sourceCulture is not null && rest.StartsWith(sourceCulture.ToLowerInvariant() + "/", StringComparison.Ordinal))
        {
            rest = rest[(sourceCulture.Length + 1)..];
        }
        var prefixed = culture.ToLowerInvariant() + "/" + rest;
        return prefixed.Length <= MaxLength - 8 ? prefixed : prefixed[..(MaxLength - 8)].TrimEnd('/', '-');
    }
}
