using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.MultiTextField;

/// <summary>The list of values.</summary>
public sealed partial class MultiTextFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfScalar<ListGraphType<StringGraphType>>(v => ContentGraphParts.Strings(v["Values"]));

    public Type? WhereInputType => typeof(StringGraphType);
}
