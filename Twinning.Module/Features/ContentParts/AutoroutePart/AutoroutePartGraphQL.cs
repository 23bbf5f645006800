using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.AutoroutePart;

/// <summary><c>autoroute { path }</c>.</summary>
public sealed partial class AutoroutePartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.PartTextObject(Name, ("path", "Path")))];
}
