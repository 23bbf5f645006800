using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.ContentParts;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary><c>ContentDefinition</c>: adds or alters the listed types and parts, merging settings as Orchard does.</summary>
public sealed class ContentDefinitionStep(ContentDefinitionService definitions) : IRecipeStep
{
    public string Name => "ContentDefinition";

    public Task ExecuteAsync(RecipeStepContext context) => ContentDefinitionImport.ApplyAsync(context, definitions, replace: false);
}

/// <summary><c>ReplaceContentDefinition</c>: removes the listed types and parts, then creates them afresh.</summary>
public sealed class ReplaceContentDefinitionStep(ContentDefinitionService definitions) : IRecipeStep
{
    public string Name => "ReplaceContentDefinition";

    public Task ExecuteAsync(RecipeStepContext context) => ContentDefinitionImport.ApplyAsync(context, definitions, replace: true);
}

/// <summary><c>DeleteContentDefinition</c>: removes the named types (<c>ContentTypes</c>) and parts (<c>ContentParts</c>).</summary>
public sealed class DeleteContentDefinitionStep(ContentDefinitionService definitions) : IRecipeStep
{
    public string Name => "DeleteContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var document = await definitions.LoadAsync();
        var types = context.Step["ContentTypes"]?.Deserialize<List<string>>() ?? [];
        var parts = context.Step["ContentParts"]?.Deserialize<List<string>>() ?? [];
        document.ContentTypeDefinitionRecords.RemoveAll(t => types.Contains(t.Name));
        document.ContentPartDefinitionRecords.RemoveAll(p => parts.Contains(p.Name));
        foreach (var type in document.ContentTypeDefinitionRecords)
        {
            // A deleted part also leaves every type that used it, as in Orchard Core.
            type.ContentTypePartDefinitionRecords.RemoveAll(p => parts.Contains(p.PartName));
        }
        await definitions.SaveAsync(document);
    }
}

internal static class ContentDefinitionImport
{
    public static async Task ApplyAsync(RecipeStepContext context, ContentDefinitionService definitions, bool replace)
    {
        var document = await definitions.LoadAsync();
        var types = Read<ContentTypeDefinition>(context, "ContentTypes");
        var parts = Read<ContentPartDefinition>(context, "ContentParts");
        if (types is null || parts is null)
        {
            return;
        }
        if (replace)
        {
            document.ContentTypeDefinitionRecords.RemoveAll(t => types.Exists(n => n.Name == t.Name));
            document.ContentPartDefinitionRecords.RemoveAll(p => parts.Exists(n => n.Name == p.Name));
        }
        foreach (var part in parts)
        {
            MergePart(document, part, context);
        }
        foreach (var type in types)
        {
            MergeType(document, type, context);
        }
        // As in Orchard Core, a type may use a part no module defines: a type's own part without fields (Page, Tag),
        // or the part of a feature Twinning does not have. Its data is kept as given; it just has no behaviour here.
        foreach (var type in types.Select(t => document.FindType(t.Name)).OfType<ContentTypeDefinition>())
        {
            foreach (var record in type.ContentTypePartDefinitionRecords)
            {
                if (record.PartName != type.Name && !ContentPartTypes.Known.Contains(record.PartName) && document.FindPart(record.PartName) is null)
                {
                    context.PassOver($"Content type '{type.Name}' uses the part '{record.PartName}', which no Twinning feature provides: its data is kept as given.",
                        field: $"ContentTypes.{type.Name}.{record.Name}");
                }
            }
        }
        if (context.Errors.Count == 0)
        {
            await definitions.SaveAsync(document);
        }
    }

    private static List<T>? Read<T>(RecipeStepContext context, string member)
    {
        var node = context.Step[member];
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray)
        {
            context.Fail($"'{member}' must be a list.", field: member);
            return null;
        }
        return node.Deserialize<List<T>>(Storage.DocumentStore.JsonOptions) ?? [];
    }

    private static void MergePart(ContentDefinitionDocument document, ContentPartDefinition incoming, RecipeStepContext context)
    {
        if (string.IsNullOrWhiteSpace(incoming.Name))
        {
            context.Fail("A content part needs a 'Name'.", field: "ContentParts");
            return;
        }
        var existing = document.FindPart(incoming.Name);
        if (existing is null)
        {
            existing = new ContentPartDefinition { Name = incoming.Name };
            document.ContentPartDefinitionRecords.Add(existing);
        }
        Merge(existing.Settings, incoming.Settings);
        foreach (var field in incoming.ContentPartFieldDefinitionRecords)
        {
            var path = $"ContentParts.{incoming.Name}.{field.Name}";
            if (string.IsNullOrWhiteSpace(field.Name))
            {
                context.Fail($"A field of part '{incoming.Name}' needs a 'Name'.", field: path);
                continue;
            }
            if (!ContentFieldTypes.Known.Contains(field.FieldName))
            {
                context.Fail($"Field '{field.Name}' of part '{incoming.Name}' has the unknown field type '{field.FieldName}'.", field: path);
                continue;
            }
            var current = existing.ContentPartFieldDefinitionRecords.Find(f => f.Name == field.Name);
            if (current is null)
            {
                existing.ContentPartFieldDefinitionRecords.Add(field);
            }
            else
            {
                current.FieldName = field.FieldName;
                Merge(current.Settings, field.Settings);
            }
        }
    }

    private static void MergeType(ContentDefinitionDocument document, ContentTypeDefinition incoming, RecipeStepContext context)
    {
        if (string.IsNullOrWhiteSpace(incoming.Name))
        {
            context.Fail("A content type needs a 'Name'.", field: "ContentTypes");
            return;
        }
        var existing = document.FindType(incoming.Name);
        if (existing is null)
        {
            existing = new ContentTypeDefinition { Name = incoming.Name };
            document.ContentTypeDefinitionRecords.Add(existing);
        }
        existing.DisplayName = incoming.DisplayName ?? existing.DisplayName ?? incoming.Name;
        Merge(existing.Settings, incoming.Settings);
        foreach (var part in incoming.ContentTypePartDefinitionRecords)
        {
            if (string.IsNullOrWhiteSpace(part.PartName))
            {
                context.Fail($"A part of content type '{incoming.Name}' has an empty 'PartName'.", field: $"ContentTypes.{incoming.Name}");
                continue;
            }
            part.Name = string.IsNullOrWhiteSpace(part.Name) ? part.PartName : part.Name;
            var current = existing.FindPart(part.Name);
            if (current is null)
            {
                existing.ContentTypePartDefinitionRecords.Add(part);
            }
            else
            {
                current.PartName = part.PartName;
                Merge(current.Settings, part.Settings);
            }
        }
    }

    /// <summary>Settings merge key by key; nested settings objects merge too, other values are replaced.</summary>
    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject incoming && target[key] is JsonObject current)
            {
                Merge(current, incoming);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
