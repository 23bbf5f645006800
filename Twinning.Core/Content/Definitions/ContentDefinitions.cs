using System.Text.Json;
using System.Text.Json.Nodes;

namespace Twinning.Core.Content.Definitions;

// The records below carry Orchard Core's ContentDefinition JSON keys exactly, so the document we store
// and the recipe step we read are the same shape.

public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public JsonObject Settings { get; set; } = [];
    public List<ContentTypePartDefinition> ContentTypePartDefinitionRecords { get; set; } = [];

    public ContentTypeSettings TypeSettings => Settings.Get<ContentTypeSettings>();

    public ContentTypePartDefinition? FindPart(string instanceName)
        => ContentTypePartDefinitionRecords.Find(p => p.Name == instanceName);

    public IEnumerable<ContentTypePartDefinition> PartsOfKind(string partName)
        => ContentTypePartDefinitionRecords.Where(p => p.PartName == partName);

    public bool HasPart(string partName) => ContentTypePartDefinitionRecords.Exists(p => p.PartName == partName);
}

public sealed class ContentTypePartDefinition
{
    public string PartName { get; set; } = "";
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
}

public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
    public List<ContentPartFieldDefinition> ContentPartFieldDefinitionRecords { get; set; } = [];
}

public sealed class ContentPartFieldDefinition
{
    public string FieldName { get; set; } = "";
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
}

/// <summary>Every type and part definition of the site, stored as one versioned document.</summary>
public sealed class ContentDefinitionDocument
{
    public List<ContentTypeDefinition> ContentTypeDefinitionRecords { get; set; } = [];
    public List<ContentPartDefinition> ContentPartDefinitionRecords { get; set; } = [];

    public ContentTypeDefinition? FindType(string name)
        => ContentTypeDefinitionRecords.Find(t => t.Name == name);

    public ContentPartDefinition? FindPart(string name)
        => ContentPartDefinitionRecords.Find(p => p.Name == name);
}

public sealed class ContentTypeSettings
{
    public bool Creatable { get; set; }
    public bool Listable { get; set; }
    public bool Draftable { get; set; }
    public bool Versionable { get; set; }
    public bool Securable { get; set; }
    public string? Stereotype { get; set; }
}

public sealed class ContentTypePartSettings
{
    public string? Position { get; set; }
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public string? Editor { get; set; }
    public string? DisplayMode { get; set; }
}

public sealed class ContentPartFieldSettings
{
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public string? Editor { get; set; }
    public string? DisplayMode { get; set; }
    public string? Position { get; set; }
}

public static class DefinitionSettingsExtensions
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Reads the settings object stored under the settings class name, as Orchard keys them.</summary>
    public static T Get<T>(this JsonObject settings) where T : new() => settings.Get<T>(typeof(T).Name);

    /// <summary>Reads the settings object stored under <paramref name="key"/> into <typeparamref name="T"/>.</summary>
    public static T Get<T>(this JsonObject settings, string key) where T : new()
        => settings[key] is JsonObject section ? section.Deserialize<T>(Options) ?? new T() : new T();
}
