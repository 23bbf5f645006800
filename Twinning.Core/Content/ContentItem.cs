using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Twinning.Core.Content;

/// <summary>
/// One version of a content item in Orchard Core's shape: a fixed envelope plus <see cref="Data"/>,
/// which holds the parts keyed by instance name (and the implicit part named after the type).
/// </summary>
[JsonConverter(typeof(ContentItemJsonConverter))]
public sealed class ContentItem
{
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }

    /// <summary>Every key of the item JSON that is not part of the envelope: parts and aspects.</summary>
    public JsonObject Data { get; set; } = [];

    /// <summary>The part stored under <paramref name="name"/>, or null.</summary>
    public JsonObject? Part(string name) => Data[name] as JsonObject;

    /// <summary>The part stored under <paramref name="name"/>, created empty if absent.</summary>
    public JsonObject GetOrCreatePart(string name)
    {
        if (Data[name] is JsonObject part)
        {
            return part;
        }
        part = [];
        Data[name] = part;
        return part;
    }

    public ContentItem Clone() => new()
    {
        ContentItemId = ContentItemId,
        ContentItemVersionId = ContentItemVersionId,
        ContentType = ContentType,
        DisplayText = DisplayText,
        Latest = Latest,
        Published = Published,
        ModifiedUtc = ModifiedUtc,
        PublishedUtc = PublishedUtc,
        CreatedUtc = CreatedUtc,
        Owner = Owner,
        Author = Author,
        Data = (JsonObject)Data.DeepClone(),
    };
}
