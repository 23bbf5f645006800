using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// The batch loader's reads, which have fixed shapes, compiled once: a request skips EF Core's per-query expression
/// work (reading the closure values, looking the query up in its cache). A compiled query is bound to the model it
/// first ran against, so there is one set per application (a process may host sites on SQLite and PostgreSQL).
/// Each row carries the key it answers for.
/// </summary>
public sealed class ContentBatchQueries
{
    public Func<TwinningDbContext, string[], IAsyncEnumerable<KeyedRow>> Published { get; } = EF.CompileAsyncQuery(
        (TwinningDbContext db, string[] keys) => db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && keys.Contains(v.ContentItemId))
            .OrderBy(v => v.Id)
            .Select(v => new KeyedRow(v.ContentItemId, v.ContentItemVersionId, v.Content)));

    public Func<TwinningDbContext, string[], IAsyncEnumerable<KeyedRow>> Children { get; } = EF.CompileAsyncQuery(
        (TwinningDbContext db, string[] keys) => db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && v.ListContentItemId != null && keys.Contains(v.ListContentItemId))
            .OrderBy(v => v.ListOrder).ThenBy(v => v.Id)
            .Select(v => new KeyedRow(v.ListContentItemId!, v.ContentItemVersionId, v.Content)));

    public Func<TwinningDbContext, string[], IAsyncEnumerable<KeyedRow>> Localizations { get; } = EF.CompileAsyncQuery(
        (TwinningDbContext db, string[] keys) => db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && v.LocalizationSet != null && keys.Contains(v.LocalizationSet))
            .OrderBy(v => v.Id)
            .Select(v => new KeyedRow(v.LocalizationSet!, v.ContentItemVersionId, v.Content)));
}

/// <summary>A version read for a key (an item id, a list id, a localization set).</summary>
public sealed record KeyedRow(string Key, string ContentItemVersionId, string Content);
