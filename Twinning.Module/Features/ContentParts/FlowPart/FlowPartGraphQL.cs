using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.FlowPart;

/// <summary><c>flow { widgets }</c>: the widgets of the flow, of types the caller may view.</summary>
public sealed partial class FlowPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [HeldItems.PartField(graph, instance, Name, "widgets", Member)];
}
