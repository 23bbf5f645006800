namespace Twinning.Core.Content;

/// <summary>
/// The rule for the alternative text of the images a media field holds, where its definition asks for it
/// (<see cref="Definitions.MediaFieldAltTextSettings"/>): each image needs a text in the item's language (a translation
/// is an item of its own, so each language has its own), unless it is marked decorative (then its text is empty), and
/// the text may be neither the file's name nor a word that only says "image". Files that are not images need none.
/// Orchard Core keeps the texts in <c>MediaTexts</c>; the decorative marks are Twinning's own member <c>Decorative</c>
/// (one boolean per path), which Orchard Core keeps as data.
/// </summary>
public static class MediaAltText
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff",
    };

    /// <summary>Texts that name the kind of file instead of what it shows, in the admin's languages.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "image", "picture", "photo", "photograph", "graphic", "logo", "img",
        "obraz", "obrazek", "zdjęcie", "zdjecie", "fotografia", "grafika", "ilustracja",
    };

    /// <summary>One problem: the member it concerns (<c>MediaTexts[2]</c>), a <c>RuleText</c> key and the file's name.</summary>
    public sealed record Problem(string Member, string Key, string File);

    public static bool IsImage(string path) => ImageExtensions.Contains(System.IO.Path.GetExtension(path));

    /// <summary>The problems of the texts of <paramref name="paths"/>; <paramref name="texts"/> and
    /// <paramref name="decorative"/> may be shorter (a missing text is empty, a missing mark is false).</summary>
    public static IEnumerable<Problem> Check(IReadOnlyList<string> paths, IReadOnlyList<string?> texts, IReadOnlyList<bool> decorative)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (!IsImage(paths[i]))
            {
                continue;
            }
            var file = MediaPaths.FileNameOf(paths[i]);
            var text = (i < texts.Count ? texts[i] : null)?.Trim() ?? "";
            var member = $"MediaTexts[{i}]";
            if (i < decorative.Count && decorative[i])
            {
                if (text.Length > 0)
                {
                    yield return new Problem(member, "Media.DecorativeWithText", file);
                }
            }
            else if (text.Length == 0)
            {
                yield return new Problem(member, "Media.AltRequired", file);
            }
            else if (string.Equals(text, file, StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, System.IO.Path.GetFileNameWithoutExtension(file), StringComparison.OrdinalIgnoreCase))
            {
                yield return new Problem(member, "Media.AltIsFileName", file);
            }
            else if (Generic.Contains(text.TrimEnd('.')))
            {
                yield return new Problem(member, "Media.AltIsGeneric", file);
            }
        }
    }
}
