using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.HtmlField;

/// <summary><c>HtmlField { html }</c>.</summary>
public sealed partial class HtmlFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfObject(graph.FieldTextObject(Name, ("html", "Html")));

    public Type? WhereInputType => null;
}
