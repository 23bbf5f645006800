using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Shapes;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentFields;

/// <summary>
/// Checks one field value against its type's JSON shape and the settings of its definition
/// (Required, Multiple, ranges, allowed lists, picker targets), normalising what it accepts.
/// </summary>
public sealed class ContentFieldValidator(HtmlSanitizerService sanitizer)
{
    /// <summary>The field types Orchard Core's ContentFields and Spatial modules provide, each with the members it holds.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FieldMembers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["TextField"] = ["Text"],
        ["HtmlField"] = ["Html"],
        ["MarkdownField"] = ["Markdown"],
        ["NumericField"] = ["Value"],
        ["BooleanField"] = ["Value"],
        ["DateField"] = ["Value"],
        ["DateTimeField"] = ["Value"],
        ["TimeField"] = ["Value"],
        ["LinkField"] = ["Url", "Text", "Target"],
        ["MediaField"] = ["Paths", "MediaTexts", "Anchors", "AttachedFileNames"],
        ["ContentPickerField"] = ["ContentItemIds"],
        ["TaxonomyField"] = ["TaxonomyContentItemId", "TermContentItemIds", "TagNames"],
        ["GeoPointField"] = ["Latitude", "Longitude"],
        ["MultiTextField"] = ["Values"],
    };

    /// <summary>The field types Orchard Core's ContentFields and Spatial modules provide.</summary>
    public static readonly IReadOnlySet<string> KnownFieldTypes = FieldMembers.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The most items one content picker or taxonomy field may hold: each is checked and indexed as a
    /// reference on every save, so an unbounded list would let one request hold the database for seconds.</summary>
    public const int MaxPickedItems = 1000;

    public async Task ValidateAsync(ContentPartFieldDefinition definition, JsonObject? field, string path, ValidationScope scope)
    {
        var label = definition.Settings.Get<ContentPartFieldSettings>().DisplayName ?? definition.Name;
        var settings = definition.Settings;
        field ??= [];
        // Other members are kept as data, as Orchard Core keeps them; see MemberNames for those in another case.
        foreach (var (key, _) in field)
        {
            if (MemberNames.CaseVariantOf(key, FieldMembers.GetValueOrDefault(definition.FieldName) ?? []) is { } meant)
            {
                scope.Fail($"{path}.{key}", $"{label}: '{key}' differs from '{meant}' only in case: write '{meant}'.");
            }
        }
        switch (definition.FieldName)
        {
            case "TextField":
                ValidateText(field, settings, label, path, scope);
                break;
            case "HtmlField":
                RequireText(field, "Html", settings.Get<RequiredFieldSettings>("HtmlFieldSettings").Required, label, path, scope);
                if (field["Html"] is JsonValue html && html.TryGetValue<string>(out var raw))
                {
                    sanitizer.SanitizeInto(field, "Html", raw, path, scope);
                }
                break;
            case "MarkdownField":
                RequireText(field, "Markdown", settings.Get<RequiredFieldSettings>("MarkdownFieldSettings").Required, label, path, scope);
                break;
            case "NumericField":
                ValidateNumber(field, settings.Get<NumericFieldSettings>(), label, path, scope);
                break;
            case "BooleanField":
                if (field["Value"] is { } b && b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                {
                    scope.Fail($"{path}.Value", $"{label} must be true or false.");
                }
                break;
            case "DateField":
                ValidateDate(field, settings.Get<RequiredFieldSettings>("DateFieldSettings").Required, label, path, scope, dateOnly: true);
                break;
            case "DateTimeField":
                ValidateDate(field, settings.Get<RequiredFieldSettings>("DateTimeFieldSettings").Required, label, path, scope, dateOnly: false);
                break;
            case "TimeField":
                ValidateTime(field, settings.Get<RequiredFieldSettings>("TimeFieldSettings").Required, label, path, scope);
                break;
            case "LinkField":
                ValidateLink(field, settings.Get<RequiredFieldSettings>("LinkFieldSettings").Required, label, path, scope);
                break;
            case "MediaField":
                await ValidateMediaAsync(field, settings.Get<MediaFieldSettings>(), label, path, scope);
                break;
            case "ContentPickerField":
                await ValidatePickerAsync(field, settings.Get<ContentPickerFieldSettings>(), label, path, scope);
                break;
            case "TaxonomyField":
                await ValidateTaxonomyAsync(field, settings.Get<TaxonomyFieldSettings>(), label, path, scope);
                break;
            case "GeoPointField":
                ValidateGeoPoint(field, settings.Get<RequiredFieldSettings>("GeoPointFieldSettings").Required, label, path, scope);
                break;
            case "MultiTextField":
                ValidateMultiText(field, settings.Get<MultiTextFieldSettings>(), label, path, scope);
                break;
            default:
                scope.Fail(path, $"Unknown field type '{definition.FieldName}'.");
                break;
        }
    }

    private static void ValidateText(JsonObject field, JsonObject settings, string label, string path, ValidationScope scope)
    {
        var text = RequireText(field, "Text", settings.Get<TextFieldSettings>().Required, label, path, scope);
        var editor = settings.Get<ContentPartFieldSettings>().Editor;
        if (editor == "PredefinedList" && !string.IsNullOrEmpty(text))
        {
            var options = settings.Get<TextFieldPredefinedListEditorSettings>().Options;
            if (options.Count > 0 && !options.Exists(o => o.Value == text))
            {
                scope.Fail($"{path}.Text", $"{label} must be one of: {string.Join(", ", options.Select(o => o.Value))}; '{text}' is not.");
            }
        }
    }

    /// <summary>Reads a string member, reporting a wrong JSON kind and an empty required value.</summary>
    private static string? RequireText(JsonObject field, string member, bool required, string label, string path, ValidationScope scope)
    {
        var node = field[member];
        string? text = null;
        if (node is not null && !(node is JsonValue value && value.TryGetValue(out text)))
        {
            scope.Fail($"{path}.{member}", $"{label} must be text.");
            return null;
        }
        if (required && string.IsNullOrWhiteSpace(text))
        {
            scope.Fail($"{path}.{member}", $"{label} is required.");
        }
        return text;
    }

    private static void ValidateNumber(JsonObject field, NumericFieldSettings settings, string label, string path, ValidationScope scope)
    {
        var node = field["Value"];
        if (node is null)
        {
            if (settings.Required)
            {
                scope.Fail($"{path}.Value", $"{label} is required.");
            }
            return;
        }
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<decimal>(out var number))
        {
            scope.Fail($"{path}.Value", $"{label} must be a number.");
            return;
        }
        if (settings.Minimum is { } min && number < min)
        {
            scope.Fail($"{path}.Value", $"{label} must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (settings.Maximum is { } max && number > max)
        {
            scope.Fail($"{path}.Value", $"{label} must be at most {max.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (decimal.Round(number, settings.Scale) != number)
        {
            scope.Fail($"{path}.Value", $"{label} may have at most {settings.Scale} decimal places.");
        }
    }

    private static void ValidateDate(JsonObject field, bool required, string label, string path, ValidationScope scope, bool dateOnly)
    {
        var text = ValueText(field, required, label, path, scope);
        if (text is null)
        {
            return;
        }
        if (dateOnly)
        {
            if (FieldValues.ParseDateInput(text) is { } date)
            {
                field["Value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                RequireAcceptedYear(date.Year, text, label, path, scope);
            }
            else
            {
                scope.Fail($"{path}.Value", $"{label} must be a date (yyyy-MM-dd, or midnight UTC such as 2017-04-27T00:00:00Z); '{text}' is not.");
            }
        }
        else if (FieldValues.ParseUtc(text) is { } utc)
        {
            field["Value"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            RequireAcceptedYear(utc.Year, text, label, path, scope);
        }
        else
        {
            scope.Fail($"{path}.Value", $"{label} must be a date and time in ISO 8601 (UTC); '{text}' is not.");
        }
    }

    /// <summary>Only dates the calendars and JSON-LD can write (<see cref="FieldValues.FirstYear"/>).</summary>
    private static void RequireAcceptedYear(int year, string text, string label, string path, ValidationScope scope)
    {
        if (!FieldValues.IsAcceptedYear(year))
        {
            scope.Fail($"{path}.Value", $"{label} must fall in the years {FieldValues.FirstYear} to {FieldValues.LastYear}; '{text}' does not.");
        }
    }

    private static void ValidateTime(JsonObject field, bool required, string label, string path, ValidationScope scope)
    {
        var text = ValueText(field, required, label, path, scope);
        if (text is null)
        {
            return;
        }
        if (FieldValues.ParseTime(text) is { } time)
        {
            field["Value"] = time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        }
        else
        {
            scope.Fail($"{path}.Value", $"{label} must be a time of day (HH:mm or HH:mm:ss); '{text}' is not.");
        }
    }

    /// <summary>The text of a date, date-time or time value, or null when there is none (or it was refused). Orchard
    /// Core holds these values as nullable dates and times: no value is null, and an empty text could not be read back.</summary>
    private static string? ValueText(JsonObject field, bool required, string label, string path, ValidationScope scope)
    {
        var text = RequireText(field, "Value", required, label, path, scope);
        if (text is { Length: 0 } && !required)
        {
            scope.Fail($"{path}.Value", $"{label} is an empty text: send null when there is no value.");
        }
        // A blank required value has been reported as missing; it needs no second message.
        return string.IsNullOrEmpty(text) || (required && string.IsNullOrWhiteSpace(text)) ? null : text;
    }

    private static void ValidateLink(JsonObject field, bool required, string label, string path, ValidationScope scope)
    {
        var url = RequireText(field, "Url", required, label, path, scope);
        RequireText(field, "Text", required: false, label, path, scope);
        if (!string.IsNullOrEmpty(url) && !IsSafeUrl(url))
        {
            scope.Fail($"{path}.Url", $"{label} must be an http, https, mailto or tel address, or a path starting with '/'; '{url}' is not.");
        }
    }

    internal static bool IsSafeUrl(string url)
    {
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel";
    }

    private static async Task ValidateMediaAsync(JsonObject field, MediaFieldSettings settings, string label, string path, ValidationScope scope)
    {
        var paths = ReadStrings(field, "Paths", label, path, scope);
        if (paths is null)
        {
            return;
        }
        if (settings.Required && paths.Count == 0)
        {
            scope.Fail($"{path}.Paths", $"{label} is required.");
        }
        if (!settings.Multiple && paths.Count > 1)
        {
            scope.Fail($"{path}.Paths", $"{label} takes one file, not {paths.Count}.");
        }
        for (var i = 0; i < paths.Count; i++)
        {
            // Exactly the library's form of the path: the reference row that keeps the file from being deleted or
            // moved is written for that form, so any other spelling would leave the file unprotected.
            if (MediaPaths.Normalize(paths[i]) != paths[i])
            {
                scope.Fail($"{path}.Paths[{i}]", $"{label}: '{paths[i]}' is not a media library path "
                    + "(forward slashes, no leading slash, no '.' or '..' segments, no ':' or control characters).");
            }
            else if (scope.Media is { } media && !await media.FileExistsAsync(paths[i]))
            {
                scope.Fail($"{path}.Paths[{i}]", $"{label}: there is no file '{paths[i]}' in the media library.");
            }
        }
        var texts = ReadStrings(field, "MediaTexts", label, path, scope);
        if (texts is { Count: > 0 } && texts.Count != paths.Count)
        {
            scope.Fail($"{path}.MediaTexts", $"{label} has {paths.Count} files but {texts.Count} media texts; each file needs its own.");
        }
        if (field["Anchors"] is JsonArray anchors)
        {
            if (anchors.Count > 0 && anchors.Count != paths.Count)
            {
                scope.Fail($"{path}.Anchors", $"{label} has {paths.Count} files but {anchors.Count} anchors; each file needs its own.");
            }
            for (var i = 0; i < anchors.Count; i++)
            {
                if (anchors[i] is not JsonObject anchor || !InUnitRange(anchor["X"]) || !InUnitRange(anchor["Y"]))
                {
                    scope.Fail($"{path}.Anchors[{i}]", $"{label}: an anchor needs X and Y between 0 and 1.");
                }
            }
        }
    }

    private static bool InUnitRange(JsonNode? node)
        // Read through its JSON text: a value built in code may hold an int or a double, not a decimal.
        => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 1;

    private static async Task ValidatePickerAsync(JsonObject field, ContentPickerFieldSettings settings, string label, string path, ValidationScope scope)
    {
        var ids = ReadStrings(field, "ContentItemIds", label, path, scope);
        if (ids is null)
        {
            return;
        }
        if (settings.Required && ids.Count == 0)
        {
            scope.Fail($"{path}.ContentItemIds", $"{label} is required.");
        }
        if (!settings.Multiple && ids.Count > 1)
        {
            scope.Fail($"{path}.ContentItemIds", $"{label} takes one item, not {ids.Count}.");
        }
        if (ExceedsPickLimit(ids, "ContentItemIds", label, path, scope) || ids.Count == 0)
        {
            return;
        }
        var types = await scope.Lookup.GetLatestContentTypesAsync(ids);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!types.TryGetValue(ids[i], out var type))
            {
                scope.Fail($"{path}.ContentItemIds[{i}]", $"{label}: no content item '{ids[i]}' exists.");
            }
            else if (!settings.DisplayAllContentTypes && settings.DisplayedContentTypes.Count > 0
                && !settings.DisplayedContentTypes.Contains(type))
            {
                scope.Fail($"{path}.ContentItemIds[{i}]",
                    $"{label} accepts {string.Join(", ", settings.DisplayedContentTypes)}; '{ids[i]}' is a {type}.");
            }
        }
    }

    /// <summary>Refuses a list of more than <see cref="MaxPickedItems"/> ids, before any of them is looked up.</summary>
    private static bool ExceedsPickLimit(List<string> ids, string member, string label, string path, ValidationScope scope)
    {
        if (ids.Count <= MaxPickedItems)
        {
            return false;
        }
        scope.Fail($"{path}.{member}", $"{label} takes at most {MaxPickedItems} items, not {ids.Count}.");
        return true;
    }

    private static async Task ValidateTaxonomyAsync(JsonObject field, TaxonomyFieldSettings settings, string label, string path, ValidationScope scope)
    {
        var terms = ReadStrings(field, "TermContentItemIds", label, path, scope);
        if (terms is null)
        {
            return;
        }
        if (settings.Required && terms.Count == 0)
        {
            scope.Fail($"{path}.TermContentItemIds", $"{label} is required.");
        }
        if (settings.Unique && terms.Count > 1)
        {
            scope.Fail($"{path}.TermContentItemIds", $"{label} takes one term, not {terms.Count}.");
        }
        if (ExceedsPickLimit(terms, "TermContentItemIds", label, path, scope) || terms.Count == 0)
        {
            return;
        }
        if (field["TaxonomyContentItemId"] is { } givenTaxonomy && givenTaxonomy.GetValueKind() != JsonValueKind.String)
        {
            scope.Fail($"{path}.TaxonomyContentItemId", $"{label}: TaxonomyContentItemId must be text.");
            return;
        }
        var taxonomyId = field["TaxonomyContentItemId"]?.GetValue<string>() ?? settings.TaxonomyContentItemId;
        if (settings.TaxonomyContentItemId is { Length: > 0 } expected && taxonomyId != expected)
        {
            scope.Fail($"{path}.TaxonomyContentItemId", $"{label} must use taxonomy '{expected}'.");
            return;
        }
        field["TaxonomyContentItemId"] = taxonomyId;
        var taxonomy = taxonomyId is null ? null : await scope.Lookup.GetLatestAsync(taxonomyId);
        var known = taxonomy is null ? [] : TaxonomyTerms.Ids(taxonomy);
        for (var i = 0; i < terms.Count; i++)
        {
            if (!known.Contains(terms[i]))
            {
                scope.Fail($"{path}.TermContentItemIds[{i}]", $"{label}: '{terms[i]}' is not a term of taxonomy '{taxonomyId}'.");
            }
        }
    }

    private static void ValidateGeoPoint(JsonObject field, bool required, string label, string path, ValidationScope scope)
    {
        var lat = field["Latitude"];
        var lon = field["Longitude"];
        if (lat is null && lon is null)
        {
            if (required)
            {
                scope.Fail($"{path}.Latitude", $"{label} is required.");
            }
            return;
        }
        if (!IsNumberIn(lat, -90, 90))
        {
            scope.Fail($"{path}.Latitude", $"{label}: latitude must be a number from -90 to 90.");
        }
        if (!IsNumberIn(lon, -180, 180))
        {
            scope.Fail($"{path}.Longitude", $"{label}: longitude must be a number from -180 to 180.");
        }
    }

    private static bool IsNumberIn(JsonNode? node, decimal min, decimal max)
        => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) && d >= min && d <= max;

    private static void ValidateMultiText(JsonObject field, MultiTextFieldSettings settings, string label, string path, ValidationScope scope)
    {
        var values = ReadStrings(field, "Values", label, path, scope);
        if (values is null)
        {
            return;
        }
        if (settings.Required && values.Count == 0)
        {
            scope.Fail($"{path}.Values", $"{label} is required.");
        }
        if (settings.Options.Count == 0)
        {
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!settings.Options.Exists(o => o.Value == values[i]))
            {
                scope.Fail($"{path}.Values[{i}]", $"{label} must be among: {string.Join(", ", settings.Options.Select(o => o.Value))}; '{values[i]}' is not.");
            }
        }
    }

    /// <summary>Reads an array of strings, or an empty list when absent; null (with an error) when malformed.</summary>
    private static List<string>? ReadStrings(JsonObject field, string member, string label, string path, ValidationScope scope)
    {
        var node = field[member];
        if (node is null)
        {
            return [];
        }
        if (node is JsonArray array && array.All(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(e => e!.GetValue<string>()).ToList();
        }
        scope.Fail($"{path}.{member}", $"{label}: {member} must be a list of text values.");
        return null;
    }
}
