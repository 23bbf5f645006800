using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.MediaField;

/// <summary>
/// Media library paths, each with its text. For an image the text is its alternative text, in the item's language
/// (each translation is an item of its own, so each language has its own): required unless the image is marked
/// decorative (then empty), and never the file name, which says nothing to someone who cannot see the image.
/// </summary>
public sealed class MediaFieldEditor : IContentFieldEditor
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff" };

    public string FieldType => "MediaField";
    public string View => "/Features/ContentFields/MediaField/MediaFieldEditor.cshtml";
    public bool Grouped => true;

    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path));

    /// <summary>How many rows the form shows: the files held, and one empty row to add another (or the one of a
    /// single-file field).</summary>
    public static int Rows(EditorModel model)
        => model.Get<MediaFieldSettings>().Multiple ? model.Texts("Paths").Count + 1 : 1;

    public JsonObject Read(EditorForm form)
    {
        var paths = form.Texts("Paths");
        var texts = form.Texts("MediaTexts");
        var decorative = form.Texts("Decorative");
        var keptPaths = new JsonArray();
        var keptTexts = new JsonArray();
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i].Length == 0)
            {
                continue;
            }
            var path = paths[i];
            var text = i < texts.Count ? texts[i] : "";
            var index = keptPaths.Count.ToString(CultureInfo.InvariantCulture);
            if (decorative.Contains(i.ToString(CultureInfo.InvariantCulture)))
            {
                text = "";
            }
            else if (IsImage(path) && text.Length == 0)
            {
                form.Fail($"MediaTexts[{index}]", "Editor.AltRequired", ("file", MediaPaths.FileNameOf(path)));
            }
            else if (IsImage(path) && (string.Equals(text, MediaPaths.FileNameOf(path), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, Path.GetFileNameWithoutExtension(path), StringComparison.OrdinalIgnoreCase)))
            {
                form.Fail($"MediaTexts[{index}]", "Editor.AltIsFileName", ("file", MediaPaths.FileNameOf(path)));
            }
            keptPaths.Add(path);
            keptTexts.Add(text);
        }
        return new() { ["Paths"] = keptPaths, ["MediaTexts"] = keptTexts };
    }
}
