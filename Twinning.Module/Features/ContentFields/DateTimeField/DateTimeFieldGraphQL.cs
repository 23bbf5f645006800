using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Features.ContentFields.DateTimeField;

/// <summary>The instant in UTC as a GraphQL <c>DateTime</c>.</summary>
public sealed partial class DateTimeFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph)
        => ContentFieldGraph.OfScalar<DateTimeGraphType>(v => ContentGraphParts.Text(v["Value"]) is { } t ? FieldValues.ParseUtc(t) : null);

    public Type? WhereInputType => typeof(DateTimeGraphType);
}
