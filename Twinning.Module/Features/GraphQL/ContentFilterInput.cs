using GraphQL;
using GraphQLParser.AST;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Queries;

namespace Twinning.Module.Features.GraphQL;

/// <summary>What one input field of a <c>{Type}WhereInput</c> or <c>{Type}OrderByInput</c> stands for: a column, a field
/// value, or a part's input object whose own fields are <paramref name="Nested"/> (<c>localization: { culture }</c>,
/// <c>price: { amount_gt }</c>).</summary>
public sealed record WhereTarget(ContentColumn? Column, FieldReference? Field, FilterOperator Operator, bool IsDate,
    IReadOnlyDictionary<string, WhereTarget>? Nested = null);

/// <summary>Turns <c>where</c> and <c>orderBy</c> argument values into the query service's conditions and keys.</summary>
public static class ContentFilterInput
{
    public static readonly (string Suffix, FilterOperator Operator)[] Suffixes =
    [
        ("", FilterOperator.Eq), ("_not", FilterOperator.Not), ("_gt", FilterOperator.Gt), ("_gte", FilterOperator.Gte),
        ("_lt", FilterOperator.Lt), ("_lte", FilterOperator.Lte), ("_contains", FilterOperator.Contains),
        ("_not_contains", FilterOperator.NotContains), ("_starts_with", FilterOperator.StartsWith),
        ("_not_starts_with", FilterOperator.NotStartsWith), ("_ends_with", FilterOperator.EndsWith),
        ("_not_ends_with", FilterOperator.NotEndsWith), ("_in", FilterOperator.In), ("_not_in", FilterOperator.NotIn),
    ];

    /// <summary>Entries of one where object: combined with AND, or with OR inside an <c>OR</c> list.</summary>
    public static ContentFilter? Where(object? value, IReadOnlyDictionary<string, WhereTarget> targets, bool any = false)
    {
        if (value is not IDictionary<string, object?> where)
        {
            return null;
        }
        var filters = new List<ContentFilter>();
        foreach (var (key, entry) in where)
        {
            switch (key)
            {
                case "AND":
                    filters.Add(new AllOf(Elements(entry).Select(e => Where(e, targets)).OfType<ContentFilter>().ToList()));
                    break;
                case "OR":
                    filters.Add(new AnyOf(Elements(entry).Select(e => Where(e, targets, any: true)).OfType<ContentFilter>().ToList()));
                    break;
                case "NOT":
                    filters.Add(new NotFilter(new AllOf(Elements(entry).Select(e => Where(e, targets)).OfType<ContentFilter>().ToList())));
                    break;
                default:
                    if (targets.TryGetValue(key, out var target) && target.Nested is { } nested)
                    {
                        // A part's object adds its entries to this one's, as Orchard does (alternatives inside an OR).
                        if (Where(entry, nested, any) is { } part)
                        {
                            filters.Add(part);
                        }
                    }
                    else if (target is not null)
                    {
                        var converted = Convert(entry, target);
                        filters.Add(target.Column is { } column
                            ? new ColumnFilter(column, target.Operator, converted)
                            : new FieldFilter(target.Field!, target.Operator, converted));
                    }
                    break;
            }
        }
        return filters.Count == 1 ? filters[0] : any ? new AnyOf(filters) : new AllOf(filters);
    }

    /// <summary>The sort keys in the order the query wrote them (literal objects keep their order; variables theirs).</summary>
    public static List<ContentOrder> OrderBy(IResolveFieldContext context, IReadOnlyDictionary<string, WhereTarget> keys)
    {
        var order = new List<ContentOrder>();
        if (context.GetArgument<IDictionary<string, object?>>("orderBy") is not { } values)
        {
            return order;
        }
        var names = context.FieldAst.Arguments?.FirstOrDefault(a => a.Name.StringValue == "orderBy")?.Value is GraphQLObjectValue literal
            ? literal.Fields?.Select(f => f.Name.StringValue).ToList() ?? []
            : values.Keys.ToList();
        foreach (var name in names)
        {
            if (!values.TryGetValue(name, out var direction) || direction is null || !keys.TryGetValue(name, out var key))
            {
                continue;
            }
            var descending = direction is string text ? text == "DESC" : Equals(direction, true);
            order.Add(key.Column is { } column ? ContentOrder.By(column, descending) : ContentOrder.By(key.Field!, descending));
        }
        return order;
    }

    private static IEnumerable<object?> Elements(object? value)
        => value is IEnumerable<object?> list and not IDictionary<string, object?> ? list : [value];

    private static object? Convert(object? value, WhereTarget target)
    {
        if (target.Operator is FilterOperator.In or FilterOperator.NotIn)
        {
            return Elements(value).Select(v => Scalar(v, target)).ToList();
        }
        return Scalar(value, target);
    }

    private static object? Scalar(object? value, WhereTarget target) => value switch
    {
        DateTime dt => dt.Kind == DateTimeKind.Utc ? dt : dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        DateTimeOffset dto => dto.UtcDateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        int i when target.Field?.Kind == FieldValueKind.Number => (decimal)i,
        long l when target.Field?.Kind == FieldValueKind.Number => (decimal)l,
        double d when target.Field?.Kind == FieldValueKind.Number => (decimal)d,
        _ => value,
    };
}
