using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries;

/// <summary>
/// "The title contains this text, in any case" (the admin's lists, the content picker, GraphQL's
/// <c>displayText_contains</c>) through the title index of <c>0020_TitleSearch</c>, the one place that knows how each
/// database searches it. A search is first asked of the index, for at most <see cref="MostMatches"/> versions: when it
/// matches no more, the query takes those versions by id (a rare title among 100,000 costs its own rows, not a read of
/// every title); when it matches more, the titles are read in the list's order, where matches are dense enough that a
/// page is found after a few entries. The index holds the latest and published versions and answers texts of three
/// characters or more (trigrams); other searches read the titles.
/// </summary>
internal static class TitleSearch
{
    /// <summary>The most versions a search passes on by id.</summary>
    public const int MostMatches = 1000;

    /// <summary><paramref name="filter"/> with each title search the index answers replaced by the versions it
    /// matches (<see cref="VersionsFilter"/>).</summary>
    public static async Task<ContentFilter?> ResolveAsync(TwinningDbContext db, ContentFilter? filter, PublicationStatus status, CancellationToken cancellationToken)
    {
        async Task<IReadOnlyList<ContentFilter>> Each(IReadOnlyList<ContentFilter> filters)
        {
            var resolved = new List<ContentFilter>(filters.Count);
            foreach (var f in filters)
            {
                resolved.Add((await ResolveAsync(db, f, status, cancellationToken))!);
            }
            return resolved;
        }

        switch (filter)
        {
            case AllOf all:
                return new AllOf(await Each(all.Filters));
            case AnyOf any:
                return new AnyOf(await Each(any.Filters));
            case NotFilter not:
                return new NotFilter((await ResolveAsync(db, not.Filter, status, cancellationToken))!);
            case ColumnFilter { Column: ContentColumn.DisplayText, Value: string text } title
                when ContentQuery.Positive(title.Operator) is (FilterOperator.Contains, var negated) && Applies(text, status):
                if (await MatchesAsync(db, text, cancellationToken) is not { } versions)
                {
                    return title;
                }
                var matches = new VersionsFilter(versions);
                return negated ? new NotFilter(matches) : matches;
            default:
                return filter;
        }
    }

    /// <summary>Whether the index answers a search for <paramref name="text"/> among versions of
    /// <paramref name="status"/> (every version, history included, is not in it).</summary>
    private static bool Applies(string text, PublicationStatus status)
        => status != PublicationStatus.All && text.EnumerateRunes().Count() >= 3;

    /// <summary>The ids of the latest and published versions whose title contains <paramref name="text"/>, or null
    /// when there are more than <see cref="MostMatches"/>.</summary>
    private static async Task<IReadOnlyList<long>?> MatchesAsync(TwinningDbContext db, string text, CancellationToken cancellationToken)
    {
        List<long> ids;
        if (db.IsPostgres)
        {
            // LIKE on the lowered title, as the trigram index holds it (strpos, EF Core's translation of Contains, is
            // not served by it); the text's own wildcards escaped.
            var pattern = "%" + text.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            // ToLower is translated to the database's lower(), the expression the index holds.
#pragma warning disable CA1304, CA1311
            ids = await db.ContentItemVersions.AsNoTracking()
                .Where(v => (v.Latest || v.Published) && EF.Functions.Like(v.DisplayText!.ToLower(), pattern, @"\"))
                .Select(v => v.Id).Take(MostMatches + 1).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311
        }
        else
        {
            // A trigram phrase matches where the text occurs, FTS5 folding case over all of Unicode.
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            ids = await db.Database.SqlQuery<long>(
                $"""SELECT rowid AS "Value" FROM "ContentTitleSearch" WHERE "ContentTitleSearch" MATCH {phrase} LIMIT {MostMatches + 1}""")
                .ToListAsync(cancellationToken);
        }
        return ids.Count > MostMatches ? null : ids;
    }
}

/// <summary>The versions a title search matched, by <c>ContentItemVersions.Id</c> (<see cref="TitleSearch"/>).</summary>
internal sealed record VersionsFilter(IReadOnlyList<long> Ids) : ContentFilter;
