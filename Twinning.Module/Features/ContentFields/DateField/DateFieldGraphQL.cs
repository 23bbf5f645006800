using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Features.ContentFields.DateField;

/// <summary>The date as a GraphQL <c>Date</c>.</summary>
public sealed partial class DateFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph)
        => ContentFieldGraph.OfScalar<DateGraphType>(v => ContentGraphParts.Text(v["Value"]) is { } t && FieldValues.ParseDate(t) is { } d
            ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null);

    public Type? WhereInputType => typeof(DateGraphType);
}
