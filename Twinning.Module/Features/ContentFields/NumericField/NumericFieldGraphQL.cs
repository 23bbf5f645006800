using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.NumericField;

/// <summary>The number itself.</summary>
public sealed partial class NumericFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph)
        => ContentFieldGraph.OfScalar<DecimalGraphType>(v => v["Value"] is JsonValue n && n.TryGetValue<decimal>(out var d) ? d : null);

    public Type? WhereInputType => typeof(DecimalGraphType);
}
