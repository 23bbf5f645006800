using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.MarkdownField;

/// <summary><c>MarkdownField { markdown html }</c>.</summary>
public sealed partial class MarkdownFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfObject(graph.MarkdownObject(Name, s => (s as FieldSource)?.Field));

    public Type? WhereInputType => null;
}
