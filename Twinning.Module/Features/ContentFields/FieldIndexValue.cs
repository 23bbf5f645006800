using System.Globalization;
using System.Text.Json.Nodes;

namespace Twinning.Module.Features.ContentFields;

/// <summary>Which column of the field value index a field type's values go to.</summary>
public enum FieldValueKind
{
    Text,
    Number,
    Boolean,
    Date,
}

/// <summary>One typed value a field gives the field value index; the member set is the one its type's
/// <see cref="IContentFieldIndexing.IndexKind"/> names.</summary>
public readonly record struct FieldIndexValue(string? Text = null, decimal? Number = null, bool? Boolean = null, DateTime? Date = null)
{
    /// <summary>A string member's value, or null for another JSON kind.</summary>
    public static string? TextOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A number, or a number written as text (an older save may hold one), or null.</summary>
    public static decimal? NumberOf(JsonValue value)
    {
        if (value.TryGetValue<decimal>(out var d))
        {
            return d;
        }
        return value.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
