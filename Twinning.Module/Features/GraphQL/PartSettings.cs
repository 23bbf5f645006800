using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentParts;
using Twinning.Module.Features.Queries;

namespace Twinning.Module.Features.GraphQL;

/// <summary>How a part of a type appears in GraphQL, from Orchard's <c>GraphQLContentTypePartSettings</c> on the type's
/// part (<c>Collapse</c>, <c>Hidden</c>, <c>PreventFieldNameCollision</c>) and Orchard's defaults.</summary>
public static class PartSettings
{
    public const string Key = "GraphQLContentTypePartSettings";

    private static bool Flag(ContentTypePartDefinition typePart, string name)
        => typePart.Settings[Key]?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>Left out of the schema: no field on the item, no filter.</summary>
    public static bool Hidden(ContentTypePartDefinition typePart) => Flag(typePart, "Hidden");

    /// <summary>The part's fields sit on the item: always for the type's own part (named like the type) and for parts
    /// Orchard collapses by default (AutoroutePart), otherwise when the settings say <c>Collapse</c>.</summary>
    public static bool Collapsed(ContentTypeDefinition type, ContentTypePartDefinition typePart)
        => typePart.PartName == type.Name || Flag(typePart, "Collapse") || ContentPartTypes.GraphQL(typePart.PartName)?.CollapsedByDefault == true;

    /// <summary>A collapsed part's field on the item: <c>code</c>, or with <c>PreventFieldNameCollision</c> the part's
    /// field name before it (<c>MetadataPart</c>'s <c>Code</c> → <c>metadataCode</c>).</summary>
    public static string CollapsedFieldName(ContentTypePartDefinition typePart, string fieldName)
        => Flag(typePart, "PreventFieldNameCollision")
            ? ContentFieldCatalog.PartFieldName(typePart.Name) + char.ToUpperInvariant(fieldName[0]) + fieldName[1..]
            : ContentFieldCatalog.CamelCase(fieldName);
}
