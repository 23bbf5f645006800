using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentParts.TermPart;

/// <summary>No field: a term is reached through its taxonomy (<c>taxonomy { contentItems }</c>) or a TaxonomyField.</summary>
public sealed partial class TermPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance) => [];
}
