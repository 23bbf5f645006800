using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.HtmlBodyPart;

/// <summary><c>htmlBody { html }</c>.</summary>
public sealed partial class HtmlBodyPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.PartTextObject(Name, ("html", "Html")))];
}
