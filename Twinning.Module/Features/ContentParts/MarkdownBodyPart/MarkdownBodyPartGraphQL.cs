using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.MarkdownBodyPart;

/// <summary><c>markdownBody { markdown html }</c>.</summary>
public sealed partial class MarkdownBodyPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.MarkdownObject(Name, s => (s as PartSource)?.Part))];
}
