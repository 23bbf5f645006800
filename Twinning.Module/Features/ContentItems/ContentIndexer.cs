using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentItems;

/// <summary>Derives a version's index columns and reference rows from its JSON and the type definition.</summary>
public static class ContentIndexer
{
    public static void Apply(ContentItem item, ContentDefinitionDocument definitions, ContentItemVersionRecord record)
    {
        record.ContentItemId = item.ContentItemId;
        record.ContentItemVersionId = item.ContentItemVersionId;
        record.ContentType = item.ContentType;
        record.DisplayText = Truncate(item.DisplayText, 1024);
        record.Latest = item.Latest;
        record.Published = item.Published;
        record.ModifiedUtc = item.ModifiedUtc;
        record.PublishedUtc = item.PublishedUtc;
        record.CreatedUtc = item.CreatedUtc;
        record.Owner = item.Owner;
        record.Author = item.Author;
        record.Culture = Text(item.Part("LocalizationPart"), "Culture");
        record.LocalizationSet = Text(item.Part("LocalizationPart"), "LocalizationSet");
        record.ListContentItemId = Text(item.Part("ContainedPart"), "ListContentItemId");
        record.ListOrder = item.Part("ContainedPart")?["Order"] is JsonValue order && order.TryGetValue<int>(out var o) ? o : null;
        record.Path = Text(item.Part("AutoroutePart"), "Path");
        record.Content = ContentItemJsonConverter.Serialize(item);
        record.References.Clear();
        CollectReferences(item, definitions, prefix: "", record);
    }

    private static void CollectReferences(ContentItem item, ContentDefinitionDocument definitions, string prefix, ContentItemVersionRecord record)
    {
        var type = definitions.FindType(item.ContentType);
        if (type is null)
        {
            return;
        }
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var part = item.Part(typePart.Name);
            if (part is null)
            {
                continue;
            }
            if (typePart.PartName == "BagPart")
            {
                foreach (var child in (part["ContentItems"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    CollectReferences(ContentItemJsonConverter.FromJson(child), definitions, $"{prefix}{typePart.Name}.", record);
                }
            }
            foreach (var field in definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            {
                var member = field.FieldName switch
                {
                    "ContentPickerField" => "ContentItemIds",
                    "TaxonomyField" => "TermContentItemIds",
                    _ => null,
                };
                if (member is null || part[field.Name]?[member] is not JsonArray ids)
                {
                    continue;
                }
                var position = 0;
                foreach (var id in ids.OfType<JsonValue>().Select(v => v.GetValue<string>()))
                {
                    record.References.Add(new ContentReferenceRecord
                    {
                        SourceContentItemId = record.ContentItemId,
                        FieldPath = $"{prefix}{typePart.Name}.{field.Name}",
                        TargetContentItemId = id,
                        Position = position++,
                    });
                }
            }
        }
    }

    private static string? Text(JsonObject? part, string member)
        => part?[member] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
