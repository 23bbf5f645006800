using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries;

/// <summary>
/// Lists content item versions by type, status, culture, envelope columns and field values, over the index
/// columns and the field value table only: a page costs one SQL query (its ids chosen over the indexes, then its
/// rows read), its total one more.
/// </summary>
public sealed class ContentQuery(TwinningDbContext db, ContentItemCache items, ContentCountCache totals, IOptions<QueryOptions> options)
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public QueryOptions Options => options.Value;

    /// <summary>One page of items in the requested order (ties broken by storage order). The items are shared
    /// (<see cref="ContentItemCache"/>): read them, never change them.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListAsync(ContentQuerySpec spec, CancellationToken cancellationToken = default)
        => (await ListEntriesAsync(spec, cancellationToken)).Select(e => e.Item).ToList();

    /// <summary>One page as parsed and serialized versions.</summary>
    public async Task<IReadOnlyList<CachedContentItem>> ListEntriesAsync(ContentQuerySpec spec, CancellationToken cancellationToken = default)
    {
        var take = PageSize(spec.Take, "take");
        if (spec.Skip < 0)
        {
            throw new ContentQueryException("skip", "skip must not be negative.");
        }
        // The page is chosen by its ids alone, which the indexes hold, and only its own rows are read whole: ordering
        // or skipping rows with their JSON made every page of a large list read and sort every item (a deferred join,
        // still one SQL command). Both orders are the same, ties broken by id, so the page is the same.
        var filter = await TitleSearch.ResolveAsync(db, spec.Filter, spec.Status, cancellationToken);
        var page = Paged(Ordered(Filtered(spec, filter, inOrder: ReadsInOrder(spec)), spec.Order, reverse: spec.FromEnd), spec.Skip, take).Select(v => v.Id);
        var rows = await Ordered(db.ContentItemVersions.AsNoTracking().Where(v => page.Contains(v.Id)), spec.Order)
            .Select(v => new { v.ContentItemVersionId, v.Content }).ToListAsync(cancellationToken);
        return rows.Select(r => items.Get(r.ContentItemVersionId, r.Content)).ToList();
    }

    /// <summary>Whether a page of <paramref name="spec"/> is best read in its order, checking each entry's type on the
    /// way (<see cref="ContentQuerySpec.TypesHoldMostItems"/>): only where an index holds that order, the latest
    /// versions by modification time (<c>IX_ContentItemVersions_Latest_ModifiedUtc_Type_Title</c>, with the type and
    /// the title to check). Published versions, drafts and other orders read each type's own index instead.</summary>
    private static bool ReadsInOrder(ContentQuerySpec spec)
        => spec.TypesHoldMostItems && spec.Status == PublicationStatus.Latest && spec.Order is [{ Column: ContentColumn.ModifiedUtc }];

    /// <summary>Skip and take as SQL parameters: inside a subquery, plain values would be written into the SQL, one
    /// compiled query per page.</summary>
    private static IQueryable<ContentItemVersionRecord> Paged(IQueryable<ContentItemVersionRecord> query, int skip, int take)
    {
        Expression Call(string method, Expression source, int count) => Expression.Call(
            typeof(Queryable), method, [typeof(ContentItemVersionRecord)], source, Parameter(count, typeof(int)));
        return query.Provider.CreateQuery<ContentItemVersionRecord>(Call(nameof(Queryable.Take), Call(nameof(Queryable.Skip), query.Expression, skip), take));
    }

    /// <summary>How many versions match, ignoring order and paging (kept per site state, see
    /// <see cref="ContentCountCache"/>).</summary>
    public Task<int> CountAsync(ContentQuerySpec spec, CancellationToken cancellationToken = default)
        => totals.GetAsync(spec, db.Database.CurrentTransaction is not null, async c => await Filtered(spec, await TitleSearch.ResolveAsync(db, spec.Filter, spec.Status, c)).CountAsync(c), cancellationToken);

    /// <summary>How many versions match, counted up to <paramref name="limit"/> + 1 (a result above
    /// <paramref name="limit"/> means "more than"): for filtered lists, which are never kept by
    /// <see cref="ContentCountCache"/>, so that a search matching most of a large site stops counting early.</summary>
    public async Task<int> CountAtMostAsync(ContentQuerySpec spec, int limit, CancellationToken cancellationToken = default)
        => await Filtered(spec, await TitleSearch.ResolveAsync(db, spec.Filter, spec.Status, cancellationToken)).Take(limit + 1).CountAsync(cancellationToken);

    /// <summary>The ids of at most <paramref name="limit"/> items with a version matching <paramref name="spec"/>, in no
    /// particular order: the items a filter on another item names ("forums with a partner city called …").</summary>
    public async Task<IReadOnlyList<string>> ItemIdsAsync(ContentQuerySpec spec, int limit, CancellationToken cancellationToken = default)
        => await Filtered(spec, await TitleSearch.ResolveAsync(db, spec.Filter, spec.Status, cancellationToken))
            .Select(v => v.ContentItemId).Distinct().Take(limit).ToListAsync(cancellationToken);

    /// <summary>Answers the spec's title searches from the title index once (<see cref="TitleSearch"/>), so that a page
    /// and its count asked with the same spec do not each ask the index again.</summary>
    public async Task ResolveTitleSearchesAsync(ContentQuerySpec spec, CancellationToken cancellationToken = default)
        => spec.Filter = await TitleSearch.ResolveAsync(db, spec.Filter, spec.Status, cancellationToken);

    /// <summary>The page size to use, or a <see cref="ContentQueryException"/> naming <paramref name="parameter"/>.</summary>
    public int PageSize(int? requested, string parameter)
    {
        var take = requested is null or 0 ? Options.DefaultPageSize : requested.Value;
        if (take < 0)
        {
            throw new ContentQueryException(parameter, $"{parameter} must not be negative.");
        }
        if (take > Options.MaxPageSize)
        {
            throw new ContentQueryException(parameter, $"{parameter} must be at most {Options.MaxPageSize}; page through larger results with skip.");
        }
        return take;
    }

    /// <summary>The versions <paramref name="spec"/> asks for, unordered. With <paramref name="inOrder"/>, the listed
    /// types are checked on each entry read in the list's order (see <see cref="ContentQuerySpec.TypesHoldMostItems"/>),
    /// for a page; a count looks the types up in their indexes.</summary>
    private IQueryable<ContentItemVersionRecord> Filtered(ContentQuerySpec spec, ContentFilter? filter, bool inOrder = false)
    {
        var query = WithStatus(db.ContentItemVersions.AsNoTracking(), spec.Status);
        if (spec.ContentType is not null)
        {
            var type = spec.ContentType;
            query = query.Where(v => v.ContentType == type);
        }
        if (spec.Culture is not null)
        {
            var culture = spec.Culture;
            query = query.Where(v => v.Culture == culture);
        }
        query = WithAccess(query, spec, inOrder);
        if (spec.PreferredCulture is not null)
        {
            query = WithFallback(query, spec);
        }
        if (filter is not null)
        {
            var version = Expression.Parameter(typeof(ContentItemVersionRecord), "v");
            query = query.Where(Expression.Lambda<Func<ContentItemVersionRecord, bool>>(Build(filter, version), version));
        }
        return query;
    }

    private static IQueryable<ContentItemVersionRecord> WithStatus(IQueryable<ContentItemVersionRecord> query, PublicationStatus status) => status switch
    {
        PublicationStatus.Published => query.Where(v => v.Published),
        PublicationStatus.Draft => query.Where(v => v.Latest && !v.Published),
        PublicationStatus.Latest => query.Where(v => v.Latest),
        _ => query,
    };

    /// <summary>Only what the caller may list (<see cref="ContentListAccess"/>).</summary>
    private static IQueryable<ContentItemVersionRecord> WithAccess(IQueryable<ContentItemVersionRecord> query, ContentQuerySpec spec, bool inOrder = false)
    {
        var owner = spec.Owner;
        if (spec.ContentTypes is { } types)
        {
            var ownTypes = spec.OwnContentTypes ?? [];
            if (inOrder)
            {
                // The type as an expression ("ContentType" || ''), which no index serves: the databases then read the
                // list in the order's index and check each entry's type, instead of looking every listed type up and
                // sorting all their items (SQLite's plan at 100,000 items, seconds a page).
                var none = "";
                return ownTypes.Count == 0
                    ? query.Where(v => types.Contains(v.ContentType + none))
                    : query.Where(v => types.Contains(v.ContentType + none) || (ownTypes.Contains(v.ContentType + none) && v.Owner == owner));
            }
            // Without types of which only the caller's own items are listed, no "or": SQLite answers an "or" by
            // reading every row its two halves find, where one list of types reads a type's index alone.
            return ownTypes.Count == 0
                ? query.Where(v => types.Contains(v.ContentType))
                : query.Where(v => types.Contains(v.ContentType) || (ownTypes.Contains(v.ContentType) && v.Owner == owner));
        }
        return owner is null ? query : query.Where(v => v.Owner == owner);
    }

    private IQueryable<ContentItemVersionRecord> WithFallback(IQueryable<ContentItemVersionRecord> query, ContentQuerySpec spec)
    {
        var asked = spec.PreferredCulture;
        var fallback = spec.DefaultCulture ?? asked;
        var candidates = WithStatus(db.ContentItemVersions.AsNoTracking(), spec.Status);
        if (spec.ContentType is not null)
        {
            var type = spec.ContentType;
            candidates = candidates.Where(v => v.ContentType == type);
        }
        // The best translation among those the caller may see: one it may not see must not hide one it may.
        candidates = WithAccess(candidates, spec);
        return query.Where(v => v.LocalizationSet == null
            || v.Culture == asked
            || (!candidates.Any(o => o.LocalizationSet == v.LocalizationSet && o.Culture == asked)
                && (v.Culture == fallback
                    || (!candidates.Any(o => o.LocalizationSet == v.LocalizationSet && o.Culture == fallback)
                        && !candidates.Any(o => o.LocalizationSet == v.LocalizationSet && o.Id < v.Id)))));
    }

    /// <summary>The query in <paramref name="order"/>, ties broken by id; with <paramref name="reverse"/> exactly the other
    /// way round (each provider places nulls at the other end when a key is turned, so the reversal is exact).</summary>
    private IQueryable<ContentItemVersionRecord> Ordered(IQueryable<ContentItemVersionRecord> query, IReadOnlyList<ContentOrder> order, bool reverse = false)
    {
        var version = Expression.Parameter(typeof(ContentItemVersionRecord), "v");
        var first = true;
        foreach (var key in order)
        {
            Expression body = key.Column is { } column ? Column(version, column) : FieldKey(version, key.Field!);
            var method = (first, key.Descending != reverse) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            query = (IQueryable<ContentItemVersionRecord>)query.Provider.CreateQuery(Expression.Call(
                typeof(Queryable), method, [typeof(ContentItemVersionRecord), body.Type],
                query.Expression, Expression.Quote(Expression.Lambda(body, version))));
            first = false;
        }
        return (first, reverse) switch
        {
            (true, false) => query.OrderBy(v => v.Id),
            (true, true) => query.OrderByDescending(v => v.Id),
            (false, false) => ((IOrderedQueryable<ContentItemVersionRecord>)query).ThenBy(v => v.Id),
            (false, true) => ((IOrderedQueryable<ContentItemVersionRecord>)query).ThenByDescending(v => v.Id),
        };
    }

    private Expression Build(ContentFilter filter, ParameterExpression version) => filter switch
    {
        AllOf all => Balanced(all.Filters.Select(f => Build(f, version)).ToList(), Expression.AndAlso, Expression.Constant(true)),
        AnyOf any => Balanced(any.Filters.Select(f => Build(f, version)).ToList(), Expression.OrElse, Expression.Constant(false)),
        NotFilter not => Expression.Not(Build(not.Filter, version)),
        VersionsFilter versions => In(Expression.Property(version, nameof(ContentItemVersionRecord.Id)), versions.Ids),
        ColumnFilter column => Compare(Column(version, column.Column), column.Operator, column.Value),
        FieldFilter field => FieldCondition(version, field),
        MissingTranslationFilter missing => Inline(MissingTranslation(missing.Culture), version),
        OutdatedTranslationFilter outdated => Inline(OutdatedTranslation(outdated.SourceCulture), version),
        ReferencesFilter references => Inline(Referring([.. references.ContentItemIds]), version),
        _ => throw new ArgumentException($"Unknown filter {filter.GetType().Name}.", nameof(filter)),
    };

    /// <summary>The set has no item (latest version) in the culture: a correlated subquery over the set and culture index.</summary>
    private Expression<Func<ContentItemVersionRecord, bool>> MissingTranslation(string culture)
    {
        var versions = db.ContentItemVersions;
        return v => v.LocalizationSet != null && v.Culture != culture
            && !versions.Any(o => o.Latest && o.LocalizationSet == v.LocalizationSet && o.Culture == culture);
    }

    /// <summary>The set's item in the source culture (latest version) was saved after the item's latest version.</summary>
    private Expression<Func<ContentItemVersionRecord, bool>> OutdatedTranslation(string sourceCulture)
    {
        var versions = db.ContentItemVersions;
        return v => v.LocalizationSet != null && v.Culture != sourceCulture
            && versions.Any(s => s.Latest && s.LocalizationSet == v.LocalizationSet && s.Culture == sourceCulture
                && versions.Any(t => t.Latest && t.ContentItemId == v.ContentItemId && s.ModifiedUtc > t.ModifiedUtc));
    }

    /// <summary>The version has a reference row to one of <paramref name="targets"/>: the rows are found by their target
    /// (indexed), not read per version.</summary>
    private Expression<Func<ContentItemVersionRecord, bool>> Referring(List<string> targets)
    {
        var references = db.ContentReferences;
        return v => references.Where(r => targets.Contains(r.TargetContentItemId)).Select(r => r.ContentItemVersionRecordId).Contains(v.Id);
    }

    /// <summary>A condition written as a lambda, applied to the version being filtered.</summary>
    private static Expression Inline(Expression<Func<ContentItemVersionRecord, bool>> condition, ParameterExpression version)
        => ReplacingExpressionVisitor.Replace(condition.Parameters[0], version, condition.Body);

    /// <summary>The terms joined pairwise as a balanced tree, <paramref name="empty"/> when there are none. A chain
    /// (<c>((a || b) || c) || …</c>) is as deep as it is long, and the query provider translates it recursively: a few
    /// thousand terms ended the process by stack overflow. Balanced, n terms are log2(n) deep.</summary>
    internal static Expression Balanced(IReadOnlyList<Expression> terms, Func<Expression, Expression, BinaryExpression> join, Expression empty)
    {
        return terms.Count == 0 ? empty : Join(0, terms.Count);

        Expression Join(int start, int count) => count == 1
            ? terms[start]
            : join(Join(start, count / 2), Join(start + count / 2, count - count / 2));
    }

    private static MemberExpression Column(ParameterExpression version, ContentColumn column)
        => Expression.Property(version, column.ToString());

    private static string ValueMember(FieldValueKind kind) => kind switch
    {
        FieldValueKind.Text => nameof(ContentFieldValueRecord.TextValue),
        FieldValueKind.Number => nameof(ContentFieldValueRecord.NumberValue),
        FieldValueKind.Boolean => nameof(ContentFieldValueRecord.BooleanValue),
        _ => nameof(ContentFieldValueRecord.DateValue),
    };

    /// <summary>The values of the field held by the version being filtered: a correlated subquery.</summary>
    private (Expression Values, ParameterExpression Row, Expression Match) FieldRows(ParameterExpression version, FieldReference field)
    {
        var row = Expression.Parameter(typeof(ContentFieldValueRecord), "f");
        var match = Expression.AndAlso(
            Expression.Equal(Expression.Property(row, nameof(ContentFieldValueRecord.ContentItemVersionRecordId)), Expression.Property(version, nameof(ContentItemVersionRecord.Id))),
            Expression.AndAlso(
                Expression.Equal(Expression.Property(row, nameof(ContentFieldValueRecord.PartName)), Parameter(field.PartName, typeof(string))),
                Expression.Equal(Expression.Property(row, nameof(ContentFieldValueRecord.FieldName)), Parameter(field.FieldName, typeof(string)))));
        // Captured like a closure variable, so EF Core inlines the set as a correlated subquery.
        return (Parameter(db.Set<ContentFieldValueRecord>(), typeof(IQueryable<ContentFieldValueRecord>)), row, match);
    }

    private Expression FieldCondition(ParameterExpression version, FieldFilter filter)
    {
        var (values, row, match) = FieldRows(version, filter.Field);
        var (positive, negated) = Positive(filter.Operator);
        var condition = Expression.AndAlso(match, Compare(Expression.Property(row, ValueMember(filter.Field.Kind)), positive, filter.Value));
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(ContentFieldValueRecord)],
            values, Expression.Quote(Expression.Lambda(condition, row)));
        return negated ? Expression.Not(any) : any;
    }

    private MethodCallExpression FieldKey(ParameterExpression version, FieldReference field)
    {
        var (values, row, match) = FieldRows(version, field);
        var member = Expression.Property(row, ValueMember(field.Kind));
        Expression source = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(ContentFieldValueRecord)],
            values, Expression.Quote(Expression.Lambda(match, row)));
        source = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ContentFieldValueRecord), member.Type],
            source, Expression.Quote(Expression.Lambda(member, row)));
        var value = Expression.Parameter(member.Type, "x");
        source = Expression.Call(typeof(Queryable), nameof(Queryable.OrderBy), [member.Type, member.Type],
            source, Expression.Quote(Expression.Lambda(value, value)));
        return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [member.Type], source);
    }

    /// <summary>An operator as its positive form and whether that is negated (<c>NotContains</c>: <c>Contains</c>, true).</summary>
    internal static (FilterOperator Positive, bool Negated) Positive(FilterOperator op) => op switch
    {
        FilterOperator.Not => (FilterOperator.Eq, true),
        FilterOperator.NotContains => (FilterOperator.Contains, true),
        FilterOperator.NotStartsWith => (FilterOperator.StartsWith, true),
        FilterOperator.NotEndsWith => (FilterOperator.EndsWith, true),
        FilterOperator.NotIn => (FilterOperator.In, true),
        _ => (op, false),
    };

    private static Expression Compare(Expression member, FilterOperator op, object? value)
    {
        var (positive, negated) = Positive(op);
        Expression condition = positive switch
        {
            FilterOperator.Eq => Expression.Equal(member, Parameter(value, member.Type)),
            FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte => (Expression)Order(member, positive, value),
            FilterOperator.Contains => Text(member, StringContains, value),
            FilterOperator.StartsWith => Text(member, StringStartsWith, value),
            FilterOperator.EndsWith => Text(member, StringEndsWith, value),
            FilterOperator.In => In(member, value),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
        return negated ? Expression.Not(condition) : condition;
    }

    private static BinaryExpression Order(Expression member, FilterOperator op, object? value)
    {
        Expression left = member;
        Expression right = Parameter(value, member.Type);
        if (member.Type == typeof(string))
        {
            left = Expression.Call(StringCompare, member, right);
            right = Expression.Constant(0);
        }
        return op switch
        {
            FilterOperator.Gt => Expression.GreaterThan(left, right),
            FilterOperator.Gte => Expression.GreaterThanOrEqual(left, right),
            FilterOperator.Lt => Expression.LessThan(left, right),
            _ => Expression.LessThanOrEqual(left, right),
        };
    }

    private static BinaryExpression Text(Expression member, MethodInfo method, object? value)
    {
        if (member.Type != typeof(string))
        {
            throw new ArgumentException("Text operators apply to text only.", nameof(member));
        }
        // Case-insensitive on both providers (SQLite's LIKE ignores case, PostgreSQL's does not): both sides lowered.
        return Expression.AndAlso(
            Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
            Expression.Call(Expression.Call(member, StringToLower), method, Parameter((value as string ?? "").ToLowerInvariant(), typeof(string))));
    }

    private static MethodCallExpression In(Expression member, object? value)
    {
        var items = value as IEnumerable ?? Array.Empty<object>();
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Type))!;
        foreach (var item in items)
        {
            list.Add(item);
        }
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type], Parameter(list, list.GetType()), member);
    }

    /// <summary>A value the query provider sends as a SQL parameter rather than as literal text.</summary>
    private static MemberExpression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(Holder<object>.Value));
    }

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
