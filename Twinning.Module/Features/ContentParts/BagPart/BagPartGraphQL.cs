using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.BagPart;

/// <summary><c>bag { contentItems }</c>: the items the bag holds, of types the caller may view.</summary>
public sealed partial class BagPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [HeldItems.PartField(graph, instance, Name, "contentItems", Member)];
}
