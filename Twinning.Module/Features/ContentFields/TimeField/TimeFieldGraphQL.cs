using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.TimeField;

/// <summary>The time as written (<c>HH:mm:ss</c>).</summary>
public sealed partial class TimeFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfScalar<StringGraphType>(v => ContentGraphParts.Text(v["Value"]));

    public Type? WhereInputType => typeof(StringGraphType);
}
