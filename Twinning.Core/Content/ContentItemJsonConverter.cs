using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Twinning.Core.Content;

/// <summary>
/// Reads and writes content items exactly as Orchard Core 3.0 does: the envelope keys first, in
/// Orchard's order and case-sensitively, then every entry of <see cref="ContentItem.Data"/>.
/// Unknown top-level keys are parts, so clients must send the envelope in PascalCase.
/// </summary>
public sealed class ContentItemJsonConverter : JsonConverter<ContentItem>
{
    /// <summary>Writes letters of every script as they are (Polish, Belarusian, Lithuanian ...) rather than as
    /// \u escapes; characters that matter to HTML are still escaped.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The item's JSON text as stored and served.</summary>
    public static string Serialize(ContentItem item) => ToJson(item).ToJsonString(WriteOptions);

    /// <summary>An item from its stored JSON text (what <see cref="Serialize"/> wrote).</summary>
    public static ContentItem Deserialize(string json)
        => FromJson(JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("A stored content item is not a JSON object."));

    public override ContentItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonNode.Parse(ref reader) is not JsonObject obj)
        {
            throw new JsonException("A content item must be a JSON object.");
        }
        return FromJson(obj);
    }

    public override void Write(Utf8JsonWriter writer, ContentItem value, JsonSerializerOptions options)
        => ToJson(value).WriteTo(writer, options);

    public static ContentItem FromJson(JsonObject obj)
    {
        var item = new ContentItem();
        foreach (var (key, node) in obj)
        {
            switch (key)
            {
                case nameof(ContentItem.ContentItemId): item.ContentItemId = AsString(node, key) ?? ""; break;
                case nameof(ContentItem.ContentItemVersionId): item.ContentItemVersionId = AsString(node, key) ?? ""; break;
                case nameof(ContentItem.ContentType): item.ContentType = AsString(node, key) ?? ""; break;
                case nameof(ContentItem.DisplayText): item.DisplayText = AsString(node, key); break;
                case nameof(ContentItem.Latest): item.Latest = AsBool(node); break;
                case nameof(ContentItem.Published): item.Published = AsBool(node); break;
                case nameof(ContentItem.ModifiedUtc): item.ModifiedUtc = AsDate(node, key); break;
                case nameof(ContentItem.PublishedUtc): item.PublishedUtc = AsDate(node, key); break;
                case nameof(ContentItem.CreatedUtc): item.CreatedUtc = AsDate(node, key); break;
                case nameof(ContentItem.Owner): item.Owner = AsString(node, key); break;
                case nameof(ContentItem.Author): item.Author = AsString(node, key); break;
                default: item.Data[key] = node?.DeepClone(); break;
            }
        }
        return item;
    }

    public static JsonObject ToJson(ContentItem item)
    {
        var obj = new JsonObject
        {
            [nameof(ContentItem.ContentItemId)] = item.ContentItemId,
            [nameof(ContentItem.ContentItemVersionId)] = item.ContentItemVersionId,
            [nameof(ContentItem.ContentType)] = item.ContentType,
            [nameof(ContentItem.DisplayText)] = item.DisplayText,
            [nameof(ContentItem.Latest)] = item.Latest,
            [nameof(ContentItem.Published)] = item.Published,
            [nameof(ContentItem.ModifiedUtc)] = AsUtc(item.ModifiedUtc),
            [nameof(ContentItem.PublishedUtc)] = AsUtc(item.PublishedUtc),
            [nameof(ContentItem.CreatedUtc)] = AsUtc(item.CreatedUtc),
            [nameof(ContentItem.Owner)] = item.Owner,
            [nameof(ContentItem.Author)] = item.Author,
        };
        foreach (var (key, node) in item.Data)
        {
            obj[key] = node?.DeepClone();
        }
        return obj;
    }

    /// <summary>Dates are UTC in Orchard's JSON; a value without a kind (as databases return them) is UTC already.</summary>
    private static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
    };

    /// <summary>The text of an envelope member; a number, object or array there is refused (as Orchard refuses it) rather
    /// than stored as its JSON text. The exception's path names the member.</summary>
    private static string? AsString(JsonNode? node, string key) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        // A value built in code (a DateTime, say) rather than parsed: its JSON text is the string we want.
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.Deserialize<string>(),
        _ => throw new JsonException($"{key} must be text, not {node.GetValueKind() switch
        {
            JsonValueKind.Number => "a number",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => "true or false",
        }}.", key, null, null),
    };

    private static bool AsBool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static DateTime? AsDate(JsonNode? node, string key)
    {
        var text = AsString(node, key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"{key} must be an ISO-8601 date and time, not '{text}'.", key, null, null);
        }
        return value;
    }
}
