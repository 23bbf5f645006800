using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Shapes;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries;

/// <summary>Which column of <see cref="ContentFieldValueRecord"/> a field type's values go to.</summary>
public enum FieldValueKind
{
    Text,
    Number,
    Boolean,
    Date,
}

/// <summary>Derives a version's <see cref="ContentFieldValueRecord"/> rows from its JSON: one row per value of
/// each text, multi-text, time, numeric, boolean, date and date-time field of the item's own parts.</summary>
public static class FieldValueIndexer
{
    /// <summary>The column a field type is indexed in, or null for field types that are not indexed.</summary>
    public static FieldValueKind? KindOf(string fieldType) => fieldType switch
    {
        "TextField" or "MultiTextField" or "TimeField" => FieldValueKind.Text,
        "NumericField" => FieldValueKind.Number,
        "BooleanField" => FieldValueKind.Boolean,
        "DateField" or "DateTimeField" => FieldValueKind.Date,
        _ => null,
    };

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

    /// <summary>The call <see cref="ContentManager"/> makes after saving a version's index columns.</summary>
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
                var rows = Build(ContentStore.Parse(version.Content), definitions);
                rows.ForEach(r => r.ContentItemVersionRecordId = version.Id);
                db.Set<ContentFieldValueRecord>().AddRange(rows);
                written += rows.Count;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
    }

    private static IEnumerable<ContentFieldValueRecord> Values(string fieldType, JsonObject? field)
    {
        if (field is null)
        {
            yield break;
        }
        switch (fieldType)
        {
            case "TextField" when Text(field["Text"]) is { } text:
                yield return new ContentFieldValueRecord { TextValue = Cut(text) };
                break;
            case "MultiTextField":
                foreach (var value in (field["Values"] as JsonArray ?? []).Select(Text).OfType<string>())
                {
                    yield return new ContentFieldValueRecord { TextValue = Cut(value) };
                }
                break;
            case "TimeField" when Text(field["Value"]) is { } time && FieldValues.ParseTime(time) is { } parsed:
                yield return new ContentFieldValueRecord { TextValue = parsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) };
                break;
            case "NumericField" when field["Value"] is JsonValue number && Number(number) is { } n:
                yield return new ContentFieldValueRecord { NumberValue = n };
                break;
            case "BooleanField" when field["Value"] is JsonValue boolean && boolean.TryGetValue<bool>(out var b):
                yield return new ContentFieldValueRecord { BooleanValue = b };
                break;
            case "DateField" when Text(field["Value"]) is { } date && FieldValues.ParseDate(date) is { } day:
                yield return new ContentFieldValueRecord { DateValue = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) };
                break;
            case "DateTimeField" when Text(field["Value"]) is { } dateTime && FieldValues.ParseUtc(dateTime) is { } utc:
                yield return new ContentFieldValueRecord { DateValue = utc };
                break;
            default:
                break;
        }
    }

    private static decimal? Number(JsonValue value)
    {
        if (value.TryGetValue<decimal>(out var d))
        {
            return d;
        }
        return value.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Cut(string text) => text.Length <= ContentFieldValueRecord.MaxTextLength ? text : text[..ContentFieldValueRecord.MaxTextLength];
}
