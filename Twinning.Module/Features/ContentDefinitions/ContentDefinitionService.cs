using System.Runtime.CompilerServices;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentDefinitions;

/// <summary>The site's content definitions: a cached read for everyone, a private copy to change and save.</summary>
public sealed class ContentDefinitionService(DocumentStore documents)
{
    private static readonly ConditionalWeakTable<ContentDefinitionDocument, IReadOnlyList<ContentTypeDefinition>> Listable = new();

    /// <summary>The current definitions, shared and read-only.</summary>
    public Task<ContentDefinitionDocument> GetAsync() => documents.GetAsync<ContentDefinitionDocument>(DocumentNames.ContentDefinitions);

    /// <summary>The types editors list and pick from (<see cref="ContentTypeSettings.Listable"/>) in the shared definitions
    /// <see cref="GetAsync"/> gives, found once per stored version: reading a type's settings parses them, and the admin's
    /// lists ask on every page.</summary>
    public static IReadOnlyList<ContentTypeDefinition> ListableTypes(ContentDefinitionDocument shared)
        => Listable.GetValue(shared, d => [.. d.ContentTypeDefinitionRecords.Where(t => t.TypeSettings.Listable)]);

    /// <summary>A private copy of the definitions to change and pass to <see cref="SaveAsync"/>.</summary>
    public Task<ContentDefinitionDocument> LoadAsync() => documents.LoadAsync<ContentDefinitionDocument>(DocumentNames.ContentDefinitions);

    /// <summary>Stores the definitions; the returned version number changes with every save, and the
    /// GraphQL schema and admin editors key their caches on it.</summary>
    public Task<int> SaveAsync(ContentDefinitionDocument document) => documents.SaveAsync(DocumentNames.ContentDefinitions, document);
}
