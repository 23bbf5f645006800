using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.MediaField;

/// <summary>Media library paths with a text and a focal point each (Orchard Core's <c>Paths</c>, <c>MediaTexts</c>,
/// <c>Anchors</c>), and Twinning's <c>Decorative</c> marks; where the definition asks for it
/// (<see cref="MediaFieldAltTextSettings"/>), each image needs its alternative text (<see cref="MediaAltText"/>). Its
/// reference rows keep the files from being deleted (see ContentIndexer); not in the field value index.</summary>
public sealed partial class MediaFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "MediaField";
    public IReadOnlyList<string> Members { get; } = ["Paths", "MediaTexts", "Anchors", "AttachedFileNames", "Decorative"];

    public async Task ValidateAsync(FieldValidation field)
    {
        var settings = field.Settings.Get<MediaFieldSettings>();
        var paths = field.ReadStrings("Paths");
        if (paths is null)
        {
            return;
        }
        if (settings.Required && paths.Count == 0)
        {
            field.Fail("Paths", "Field.Required");
        }
        if (!settings.Multiple && paths.Count > 1)
        {
            field.Fail("Paths", "Media.OneFile", ("count", paths.Count));
        }
        for (var i = 0; i < paths.Count; i++)
        {
            // Exactly the library's form of the path: the reference row that keeps the file from being deleted or
            // moved is written for that form, so any other spelling would leave the file unprotected.
            if (MediaPaths.Normalize(paths[i]) != paths[i])
            {
                field.Fail($"Paths[{i}]", "Media.InvalidPath", ("path", paths[i]));
            }
            else if (field.Scope.Media is { } media && !await media.FileExistsAsync(paths[i]))
            {
                field.Fail($"Paths[{i}]", "Media.NoSuchFile", ("path", paths[i]));
            }
        }
        var texts = field.ReadStrings("MediaTexts");
        if (texts is { Count: > 0 } && texts.Count != paths.Count)
        {
            field.Fail("MediaTexts", "Media.TextCount", ("files", paths.Count), ("texts", texts.Count));
        }
        if (field.Field["Anchors"] is JsonArray anchors)
        {
            if (anchors.Count > 0 && anchors.Count != paths.Count)
            {
                field.Fail("Anchors", "Media.AnchorCount", ("files", paths.Count), ("anchors", anchors.Count));
            }
            for (var i = 0; i < anchors.Count; i++)
            {
                if (anchors[i] is not JsonObject anchor || !InUnitRange(anchor["X"]) || !InUnitRange(anchor["Y"]))
                {
                    field.Fail($"Anchors[{i}]", "Media.AnchorRange");
                }
            }
        }
        var decorative = ReadDecorative(field, paths.Count);
        if (decorative is not null && texts is not null && field.Settings.Get<MediaFieldAltTextSettings>().Required)
        {
            foreach (var problem in MediaAltText.Check(paths, texts ?? [], decorative))
            {
                field.Fail(problem.Member, problem.Key, ("file", problem.File));
            }
        }
    }

    /// <summary>The decorative marks, one boolean per path (none when the member is absent), or null when they cannot be read.</summary>
    private static List<bool>? ReadDecorative(FieldValidation field, int paths)
    {
        if (field.Field["Decorative"] is null)
        {
            return [];
        }
        if (field.Field["Decorative"] is JsonArray marks && marks.Count == paths
            && marks.All(m => m is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
        {
            return [.. marks.Select(m => m!.GetValue<bool>())];
        }
        field.Fail("Decorative", "Media.DecorativeMarks", ("files", paths));
        return null;
    }

    private static bool InUnitRange(JsonNode? node)
        // Read through its JSON text: a value built in code may hold an int or a double, not a decimal.
        => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 1;

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];


    public IEnumerable<string> UsedMediaPaths(JsonObject field)
        => (field["Paths"] as JsonArray ?? []).OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var p) ? MediaPaths.Normalize(p) : null).OfType<string>().Distinct();
}
