using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Features.ContentFields.MediaField;

/// <summary>
/// Media library paths, each with its text and, where the field allows anchors, its focal point. For an image the
/// text is its alternative text in the item's language; whether it is required is the rule set's answer
/// (<see cref="MediaAltText"/>, where the definition asks for it), so the admin, the API and recipes agree. The form
/// posts one row per file (<c>Paths</c>, <c>MediaTexts</c>, <c>FocusX</c>, <c>FocusY</c> in per cent, and a <c>Row</c>
/// token that the <c>Decorative</c> checkboxes name, so that the rows may be reordered in the page); the field keeps
/// Orchard Core's <c>Paths</c>, <c>MediaTexts</c> and <c>Anchors</c> (<c>{ X, Y }</c> from 0 to 1), and <c>Decorative</c>
/// (one boolean per path) when any image is marked decorative.
/// </summary>
public sealed partial class MediaFieldEditor : IContentFieldEditor
{
    /// <summary>Width and height of the preview a focal point is chosen on, in pixels.</summary>
    public const int PreviewSize = 480;

    /// <summary>The crops previewed beside a focal point, 160 pixels wide: the shapes front ends commonly cut a
    /// photograph to (the sample site's views define no crop profiles of their own); the view captions each with the
    /// admin text "MediaField.Crop" + its shape.</summary>
    public static readonly IReadOnlyList<(string Shape, int Width, int Height)> CropPreviews =
        [("Wide", 160, 90), ("Square", 160, 160), ("Portrait", 160, 213)];

    public string FieldType => "MediaField";
    public string View => "/Features/ContentFields/MediaField/MediaFieldEditor.cshtml";
    public bool Grouped => true;

    /// <summary>One file as the form shows it; the focal point in per cent, as typed, and as the anchor the value
    /// holds (the middle when it holds none), which the crop previews use.</summary>
    public sealed record Row(string Path, string Text, bool Decorative, string X, string Y, MediaAnchor Anchor);

    /// <summary>The rows the form shows: the files held, and one empty row to add another (or the one of a
    /// single-file field).</summary>
    public static IReadOnlyList<Row> Rows(EditorModel model)
    {
        var paths = model.Texts("Paths");
        var texts = model.Texts("MediaTexts");
        var marks = model.Value["Decorative"] as JsonArray ?? [];
        var anchors = model.Value["Anchors"] as JsonArray ?? [];
        var rows = new List<Row>();
        for (var i = 0; i < paths.Count; i++)
        {
            var anchor = i < anchors.Count ? anchors[i] as JsonObject : null;
            rows.Add(new Row(paths[i], i < texts.Count ? texts[i] : "",
                i < marks.Count && marks[i] is JsonValue mark && mark.TryGetValue<bool>(out var decorative) && decorative,
                Percent(anchor?["X"]), Percent(anchor?["Y"]), new MediaAnchor(UnitOf(anchor?["X"]), UnitOf(anchor?["Y"]))));
        }
        var settings = model.Get<MediaFieldSettings>();
        if (settings.Multiple || rows.Count == 0)
        {
            rows.Add(new Row("", "", false, "50", "50", new MediaAnchor(0.5f, 0.5f)));
        }
        return rows;
    }

    private static string Percent(JsonNode? node)
        => node is JsonValue v && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var unit)
            ? Math.Round(unit * 100, 1).ToString("0.#", CultureInfo.InvariantCulture)
            : "50";

    private static float UnitOf(JsonNode? node)
        => node is JsonValue v && float.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var unit) && unit is >= 0 and <= 1 ? unit : 0.5f;

    public static bool IsImage(string path) => MediaAltText.IsImage(path);

    /// <summary>The id of a row's alternative text input (the row numbered from 0) in the editor <paramref name="editorId"/>.</summary>
    public static string AltTextId(string editorId, int row) => $"{editorId}-alt-{row.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>An image's alternative text refused (<c>MediaTexts[2]</c>, <see cref="MediaAltText"/>) is shown beside
    /// that row's text input: the rows are shown in the order of the value read, so the index is the row's.</summary>
    public string? InputOf(string name, string member)
        => AltTextMember().Match(member) is { Success: true } match && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? AltTextId(EditorModel.IdOf(name), row)
            : null;

    [GeneratedRegex(@"^MediaTexts\[(\d+)\]$")]
    private static partial Regex AltTextMember();

    public JsonObject Read(EditorForm form)
    {
        var anchored = form.Settings.Get<MediaFieldSettings>().AllowAnchors;
        var paths = form.Texts("Paths");
        var texts = form.Texts("MediaTexts");
        var tokens = form.Texts("Row");
        var decorativeRows = form.Texts("Decorative").ToHashSet(StringComparer.Ordinal);
        var xs = form.Texts("FocusX");
        var ys = form.Texts("FocusY");
        var keptPaths = new JsonArray();
        var keptTexts = new JsonArray();
        var marks = new JsonArray();
        var anchors = new JsonArray();
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            if (path.Length == 0)
            {
                continue;
            }
            var index = keptPaths.Count;
            var token = i < tokens.Count ? tokens[i] : i.ToString(CultureInfo.InvariantCulture);
            var decorative = decorativeRows.Contains(token) && IsImage(path);
            keptPaths.Add(path);
            keptTexts.Add(decorative || i >= texts.Count ? "" : texts[i]);
            marks.Add(decorative);
            if (anchored)
            {
                var x = Unit(i < xs.Count ? xs[i] : "");
                var y = Unit(i < ys.Count ? ys[i] : "");
                if (x is null or < 0 or > 1 || y is null or < 0 or > 1)
                {
                    form.Fail($"Anchors[{index}]", "Media.FocalPoint", ("file", MediaPaths.FileNameOf(path)));
                }
                anchors.Add(new JsonObject { ["X"] = x ?? 0.5m, ["Y"] = y ?? 0.5m });
            }
        }
        var value = new JsonObject { ["Paths"] = keptPaths, ["MediaTexts"] = keptTexts };
        if (marks.Any(m => m!.GetValue<bool>()))
        {
            value["Decorative"] = marks;
        }
        if (anchored)
        {
            value["Anchors"] = anchors;
        }
        return value;
    }

    /// <summary>A focal point coordinate typed in per cent (empty: the middle), from 0 to 1; null when it is not a number.</summary>
    private static decimal? Unit(string percent)
        => percent.Length == 0 ? 0.5m
            : decimal.TryParse(percent.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? Math.Round(value / 100, 4) : null;
}
