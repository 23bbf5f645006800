using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.TextField;

/// <summary>Orchard's TextField in GraphQL: the text itself.</summary>
public sealed partial class TextFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfScalar<StringGraphType>(v => ContentGraphParts.Text(v["Text"]));

    public Type? WhereInputType => typeof(StringGraphType);
}
