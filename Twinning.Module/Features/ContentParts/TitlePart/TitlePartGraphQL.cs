using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.TitlePart;

/// <summary><c>title { title }</c>.</summary>
public sealed partial class TitlePartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.PartTextObject(Name, ("title", "Title")))];
}
