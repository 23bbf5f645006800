using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.ContentParts;
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
        // The columns of the culture, list and path parts (Features/ContentParts/<Part>/), from the part named like its type.
        foreach (var part in ContentPartTypes.All.OfType<IContentPartIndexing>())
        {
            part.Index(item.Part(part.Name), record);
        }
        record.Content = ContentItemJsonConverter.Serialize(item);
        record.References.Clear();
        record.MediaReferences.Clear();
        CollectReferences(item, definitions, prefix: "", record);
    }

    /// <summary>Re-derives the index columns and reference rows of every stored version from its JSON: for a
    /// database written before an index existed.</summary>
    public static async Task<int> RebuildAsync(TwinningDbContext db, ContentDefinitionDocument definitions, CancellationToken cancellationToken = default)
    {
        var rebuilt = 0;
        long lastId = 0;
        while (true)
        {
            // Batches keep memory flat on large sites.
            var batch = await db.ContentItemVersions.Include(v => v.References).Include(v => v.MediaReferences).AsSplitQuery()
                .Where(v => v.Id > lastId).OrderBy(v => v.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return rebuilt;
            }
            foreach (var record in batch)
            {
                Apply(ContentItemJsonConverter.Deserialize(record.Content), definitions, record);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            rebuilt += batch.Count;
            lastId = batch[^1].Id;
        }
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
            foreach (var child in ContentPartTypes.Indexing(typePart.PartName)?.NestedItems(part) ?? [])
            {
                CollectReferences(ContentItemJsonConverter.FromJson(child), definitions, $"{prefix}{typePart.Name}.", record);
            }
            foreach (var field in definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            {
                if (ContentFieldTypes.Indexing(field.FieldName) is not { } fieldType || part[field.Name] is not JsonObject value)
                {
                    continue;
                }
                var fieldPath = $"{prefix}{typePart.Name}.{field.Name}";
                foreach (var path in fieldType.UsedMediaPaths(value).Where(p => p.Length <= ContentMediaReferenceRecord.MaxPathLength))
                {
                    record.MediaReferences.Add(new ContentMediaReferenceRecord { FieldPath = fieldPath, MediaPath = path });
                }
                var position = 0;
                foreach (var id in fieldType.ReferencedItemIds(value))
                {
                    record.References.Add(new ContentReferenceRecord
                    {
                        SourceContentItemId = record.ContentItemId,
                        FieldPath = fieldPath,
                        TargetContentItemId = id,
                        Position = position++,
                    });
                }
            }
        }
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
