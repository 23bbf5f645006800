using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.Queries;

/// <summary>The fields a type's own part (the part named like the type) holds, under the camelCase names the
/// REST list and GraphQL use for them (<c>StartDate</c> → <c>startDate</c>).</summary>
public static class ContentFieldCatalog
{
    public sealed record IndexedField(string Name, string FieldType, FieldReference Reference);

    public static IReadOnlyList<IndexedField> OwnFields(ContentDefinitionDocument definitions, string contentType)
    {
        var type = definitions.FindType(contentType);
        var own = type?.ContentTypePartDefinitionRecords.Find(p => p.Name == contentType && p.PartName == contentType);
        if (own is null)
        {
            return [];
        }
        return (definitions.FindPart(own.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            .Where(f => FieldValueIndexer.KindOf(f.FieldName) is not null)
            .Select(f => new IndexedField(CamelCase(f.Name), f.FieldName, new FieldReference(own.Name, f.Name, FieldValueIndexer.KindOf(f.FieldName)!.Value)))
            .ToList();
    }

    public static string CamelCase(string name) => ContentGraphParts.CamelCase(name);

    /// <summary>Orchard's GraphQL field name of a part instance: a trailing <c>Part</c> removed, camelCased.</summary>
    public static string PartFieldName(string instanceName)
        => CamelCase(instanceName.EndsWith("Part", StringComparison.Ordinal) && instanceName.Length > 4 ? instanceName[..^4] : instanceName);
}
