using System.Text.Json.Nodes;

namespace Twinning.Core.Content.Shapes;

/// <summary>Reading and writing the Orchard Core JSON shapes the Twinning rules look at.</summary>
internal static class TwinningJson
{
    /// <summary>
    /// The entries of the BagPart <paramref name="bagName"/> whose content type is <paramref name="entryType"/>,
    /// each with the part named after that type (null when the entry lacks it) and the JSON path of that part
    /// from the item root, for example <c>OpeningHours.ContentItems[1].OpeningHoursSpecification</c>.
    /// </summary>
    public static IEnumerable<BagEntry> BagEntries(ContentItem item, string bagName, string entryType)
    {
        if (item.Part(bagName)?["ContentItems"] is not JsonArray entries)
        {
            yield break;
        }
        for (var index = 0; index < entries.Count; index++)
        {
            if (entries[index] is not JsonObject entry)
            {
                continue;
            }
            var type = String(entry["ContentType"]);
            if (type is null ? !entry.ContainsKey(entryType) : !string.Equals(type, entryType, StringComparison.Ordinal))
            {
                continue;
            }
            yield return new BagEntry(index, $"{bagName}.ContentItems[{index}].{entryType}", entry[entryType] as JsonObject);
        }
    }

    /// <summary>The <c>Text</c> of a text field in <paramref name="part"/>; null when absent, blank or not a string.</summary>
    public static string? Text(JsonObject? part, string field) => Member(part, field, "Text");

    /// <summary>The <c>Value</c> of a date, date-time or time field in <paramref name="part"/>; null when absent, blank or not a string.</summary>
    public static string? Value(JsonObject? part, string field) => Member(part, field, "Value");

    /// <summary>Replaces the <c>Text</c> of a text field that exists in <paramref name="part"/>.</summary>
    public static void SetText(JsonObject? part, string field, string text)
    {
        if (part?[field] is JsonObject value)
        {
            value["Text"] = text;
        }
    }

    private static string? Member(JsonObject? part, string field, string member)
    {
        var text = String((part?[field] as JsonObject)?[member])?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? String(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>One entry of a BagPart: its position, the JSON path of its part, and the part itself.</summary>
    internal sealed record BagEntry(int Index, string Path, JsonObject? Part)
    {
        /// <summary>The entry's position as editors count it, from 1.</summary>
        public int Number => Index + 1;
    }
}
