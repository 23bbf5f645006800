using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.MarkdownField;

/// <summary><c>MarkdownField { markdown }</c>.</summary>
public sealed partial class MarkdownFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfObject(graph.FieldTextObject(Name, ("markdown", "Markdown")));

    public Type? WhereInputType => null;
}
