using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.BooleanField;

/// <summary>The value itself.</summary>
public sealed partial class BooleanFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph)
        => ContentFieldGraph.OfScalar<BooleanGraphType>(v => v["Value"] is JsonValue b && b.TryGetValue<bool>(out var x) ? x : null);

    public Type? WhereInputType => typeof(BooleanGraphType);
}
