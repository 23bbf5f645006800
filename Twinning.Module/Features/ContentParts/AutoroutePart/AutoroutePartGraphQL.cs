using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.Queries;

namespace Twinning.Module.Features.ContentParts.AutoroutePart;

/// <summary>Collapsed onto the item as Orchard does: <c>path</c> on the item, and <c>where: { path, path_starts_with, … }</c>
/// compared with the version's indexed path.</summary>
public sealed partial class AutoroutePartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.PartTextObject(Name, ("path", "Path")))];

    public bool CollapsedByDefault => true;

    public IEnumerable<PartWhereColumn> WhereColumns => [new("path", ContentColumn.Path)];
}
