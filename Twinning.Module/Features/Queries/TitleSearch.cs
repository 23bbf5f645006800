using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries;

/// <summary>
/// "The title contains this text, in any case" over the title index (<c>0020_TitleSearch</c>): the one place that
/// knows how each database searches it. The index holds the latest and published versions and answers texts of three
/// characters or more (trigrams); anything else is answered by reading the titles (<see cref="Applies"/> false).
/// </summary>
internal static class TitleSearch
{
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>Whether the index answers a search for <paramref name="text"/> among versions of
    /// <paramref name="status"/> (every version, history included, is not in it).</summary>
    public static bool Applies(string text, PublicationStatus status)
        => status != PublicationStatus.All && text.EnumerateRunes().Count() >= 3;

    /// <summary>The condition on <paramref name="version"/>, true when its title contains <paramref name="text"/>.</summary>
    public static Expression Condition(TwinningDbContext db, ParameterExpression version, string text)
    {
        var title = Expression.Property(version, nameof(ContentItemVersionRecord.DisplayText));
        if (db.IsPostgres)
        {
            // LIKE, which the trigram index serves (strpos, EF Core's translation of Contains, is not), on the lowered
            // title as the index holds it; the text's own wildcards escaped.
            var pattern = "%" + text.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            return Expression.Call(Like, Expression.Constant(EF.Functions), Expression.Call(title, ToLower),
                ContentQuery.Parameter(pattern, typeof(string)), Expression.Constant(@"\"));
        }
        // The FTS5 table's rowids: a trigram phrase matches where the text occurs, FTS5 folding case over Unicode.
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var matches = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "ContentTitleSearch" WHERE "ContentTitleSearch" MATCH {phrase}""");
        var id = Expression.Property(version, nameof(ContentItemVersionRecord.Id));
        return Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(long)], ContentQuery.Parameter(matches, typeof(IQueryable<long>)), id);
    }
}
