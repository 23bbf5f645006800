using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.LinkField;

/// <summary><c>LinkField { url text target }</c>.</summary>
public sealed partial class LinkFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph)
        => ContentFieldGraph.OfObject(graph.FieldTextObject(Name, ("url", "Url"), ("text", "Text"), ("target", "Target")));

    public Type? WhereInputType => null;
}
