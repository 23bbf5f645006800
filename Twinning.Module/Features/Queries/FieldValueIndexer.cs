using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries;

/// <summary>Derives a version's <see cref="ContentFieldValueRecord"/> rows from its JSON: one row per value of
/// each text, multi-text, time, numeric, boolean, date and date-time field of the item's own parts.</summary>
public static class FieldValueIndexer
{
    /// <summary>The column a field type is indexed in, or null for field types that are not indexed.</summary>
    public static FieldValueKind? KindOf(string fieldType) => ContentFieldTypes.Indexing(fieldType)?.IndexKind;

    public static List<ContentFieldValueRecord> Build(ContentItem item, ContentDefinitionDocument definitions)
    {
        var rows = new List<ContentFieldValueRecord>();
        var type = definitions.FindType(item.ContentType);
        if (type is null)
        {
            return rows;
        }
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            if (item.Part(typePart.Name) is not { } part)
            {
                continue;
            }
            foreach (var field in definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            {
                foreach (var row in Values(field.FieldName, part[field.Name] as JsonObject))
                {
                    row.ContentType = item.ContentType;
                    row.PartName = typePart.Name;
                    row.FieldName = field.Name;
                    rows.Add(row);
                }
            }
        }
        return rows;
    }

    /// <summary>Replaces the field value rows of a stored version (its <see cref="ContentItemVersionRecord.Id"/> is set)
    /// and saves them; call it in the transaction that wrote the version.</summary>
    public static async Task ReplaceAsync(TwinningDbContext db, ContentItemVersionRecord record, ContentItem item, ContentDefinitionDocument definitions)
    {
        if (record.Id == 0)
        {
            throw new InvalidOperationException("Save the version before indexing its field values: the rows refer to its id.");
        }
        await db.Set<ContentFieldValueRecord>().Where(f => f.ContentItemVersionRecordId == record.Id).ExecuteDeleteAsync();
        var rows = Build(item, definitions);
        foreach (var row in rows)
        {
            row.ContentItemVersionRecordId = record.Id;
        }
        db.Set<ContentFieldValueRecord>().AddRange(rows);
        await db.SaveChangesAsync();
    }

    /// <summary>The call <c>ContentManager</c> (Features/ContentItems) makes after saving a version's index columns.</summary>
    public static Task IndexFieldValuesAsync(this TwinningDbContext db, ContentItemVersionRecord record, ContentItem item, ContentDefinitionDocument definitions)
        => ReplaceAsync(db, record, item, definitions);

    /// <summary>Rewrites the field value rows of every stored version: for a database written before the index
    /// existed, and after definitions change which fields a type has.</summary>
    public static async Task<int> RebuildAsync(TwinningDbContext db, ContentDefinitionDocument definitions, CancellationToken cancellationToken = default)
    {
        await db.Set<ContentFieldValueRecord>().ExecuteDeleteAsync(cancellationToken);
        var written = 0;
        long lastId = 0;
        while (true)
        {
            // Batches keep memory flat on large sites.
            var batch = await db.ContentItemVersions.AsNoTracking().Where(v => v.Id > lastId).OrderBy(v => v.Id).Take(500)
                .Select(v => new { v.Id, v.Content }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return written;
            }
            foreach (var version in batch)
            {
                var rows = Build(ContentItemJsonConverter.Deserialize(version.Content), definitions);
                rows.ForEach(r => r.ContentItemVersionRecordId = version.Id);
                db.Set<ContentFieldValueRecord>().AddRange(rows);
                written += rows.Count;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
    }

    /// <summary>The rows of one field value, as its field type's handler reads them.</summary>
    private static IEnumerable<ContentFieldValueRecord> Values(string fieldType, JsonObject? field)
        => field is null || ContentFieldTypes.Indexing(fieldType) is not { } type
            ? []
            : type.IndexValues(field).Select(v => new ContentFieldValueRecord
            {
                TextValue = v.Text is { } text ? Cut(text) : null,
                NumberValue = v.Number,
                BooleanValue = v.Boolean,
                DateValue = v.Date,
            });

    private static string Cut(string text) => text.Length <= ContentFieldValueRecord.MaxTextLength ? text : text[..ContentFieldValueRecord.MaxTextLength];
}
