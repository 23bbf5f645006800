using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.ContentParts;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentItems;

/// <summary>
/// The one rule set every entry point calls before a version is stored: the item's parts and fields
/// against its type definition, the built-in parts' own rules (each in its folder, Features/ContentParts/&lt;Part&gt;/:
/// titles, unique paths, translations, list containers, bags, taxonomies), then the Twinning rules. It also normalises
/// what it accepts (display text from the title, generated slugs, sanitised HTML, E.164 phone numbers, ids for bag items).
/// </summary>
public sealed class ContentValidator(ContentFieldValidator fields, HtmlSanitizerService sanitizer, IEnumerable<IContentItemRule> rules)
{
    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(
        ContentItem item, ContentDefinitionDocument definitions, SiteSettings site, IContentLookup lookup, IMediaLookup? media = null,
        bool publishing = false)
    {
        var scope = new ValidationScope(definitions, site, lookup, media, publishing);
        // Whatever the entry point (API, recipe, admin), text that one database would refuse is refused on all of them.
        foreach (var (path, problem) in JsonInput.FindUnstorableText(ContentItemJsonConverter.ToJson(item)))
        {
            scope.Fail(path, problem);
        }
        await ValidateItemAsync(item, prefix: "", nested: false, scope);
        return scope.Errors;
    }

    private async Task ValidateItemAsync(ContentItem item, string prefix, bool nested, ValidationScope scope)
    {
        var type = scope.Definitions.FindType(item.ContentType);
        if (type is null)
        {
            scope.Fail($"{prefix}ContentType", "Content.NoSuchType", ("type", item.ContentType));
            return;
        }
        // A key that names no part of the type is kept as data, as Orchard Core keeps it (its own recipes carry
        // "Displaytext", "Id" and parts of other types); nothing checks, indexes or shows it as a part.
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var path = prefix + typePart.Name;
            if (item.Data[typePart.Name] is { } node && node is not JsonObject)
            {
                scope.Fail(path, "Content.NotAnObject", ("member", typePart.Name));
                continue;
            }
            var definition = scope.Definitions.FindPart(typePart.PartName);
            if (definition is null && !ContentPartTypes.Known.Contains(typePart.PartName))
            {
                // A part no module defines: its data is kept as given (see ContentDefinitionImport).
                continue;
            }
            var part = item.GetOrCreatePart(typePart.Name);
            var declared = definition?.ContentPartFieldDefinitionRecords ?? [];
            CheckMembers(typePart.PartName, declared, part, path, scope);
            // A welded part is checked below, whether or not the type declares it.
            if (!ContentPartTypes.Welded.Contains(typePart.PartName))
            {
                await ValidatePartAsync(typePart.PartName, item, part, typePart.Settings, path, nested, scope);
            }
            await ValidateFieldsAsync(declared, part, path, scope);
        }
        if (item.Data["ContainedPart"] is JsonObject contained)
        {
            CheckMembers("ContainedPart", [], contained, $"{prefix}ContainedPart", scope);
            await ValidatePartAsync("ContainedPart", item, contained, [], $"{prefix}ContainedPart", nested, scope);
        }
        if (!nested && item.Part("TitlePart")?["Title"] is JsonValue title && title.TryGetValue<string>(out var text))
        {
            item.DisplayText = text;
        }

        var context = new ContentValidationContext(item, scope.Site.TimeZoneId,
            async id => (await scope.Lookup.GetLatestContentTypesAsync([id])).GetValueOrDefault(id));
        await rules.RunAsync(context);
        // A rule that re-checks what a field or part already rejected would only repeat the message.
        scope.AddRange(context.Errors
            .Select(e => e with { Field = prefix + e.Field })
            .Where(e => !scope.Errors.Any(known => known.Field == e.Field)));
    }

    /// <summary>
    /// A part's members are its own properties (for a built-in part) and the fields its definition declares. Any other
    /// member of a built-in part is kept as data, as Orchard Core keeps it, but nothing checks, indexes or shows it as a
    /// value of the part; another part refuses it. A member naming one of them in another case is refused everywhere
    /// (see <see cref="MemberNames"/>).
    /// </summary>
    private static void CheckMembers(string partName, List<ContentPartFieldDefinition> declared, JsonObject part, string path, ValidationScope scope)
    {
        var partType = ContentPartTypes.Find(partName);
        var builtIn = partType is not null;
        var members = (partType?.Members ?? []).Concat(declared.Select(f => f.Name)).ToList();
        foreach (var (key, _) in part)
        {
            if (MemberNames.CaseVariantOf(key, members) is { } meant)
            {
                scope.Fail($"{path}.{key}", "Content.MemberCase", ("member", key), ("meant", meant), ("part", partName));
            }
            else if (!builtIn && !members.Contains(key, StringComparer.Ordinal))
            {
                scope.Fail($"{path}.{key}", "Content.NoSuchField", ("part", partName), ("member", key));
            }
        }
    }

    private async Task ValidateFieldsAsync(List<ContentPartFieldDefinition> declared, JsonObject part, string path, ValidationScope scope)
    {
        foreach (var field in declared)
        {
            var node = part[field.Name];
            if (node is not null and not JsonObject)
            {
                scope.Fail($"{path}.{field.Name}", "Content.NotAnObject", ("member", field.Name));
                continue;
            }
            await fields.ValidateAsync(field, node as JsonObject, $"{path}.{field.Name}", scope);
        }
    }

    /// <summary>A built-in part's own rules (<see cref="ContentPartTypes"/>); a part the definitions declare has none.</summary>
    private Task ValidatePartAsync(string partName, ContentItem item, JsonObject part, JsonObject settings, string path, bool nested, ValidationScope scope)
        => ContentPartTypes.Validation(partName) is { } partType
            ? partType.ValidateAsync(new PartValidation(item, part, settings, path, nested, scope, sanitizer,
                (owner, member, allowed, termOf) => ValidateNestedItemsAsync(owner, member, allowed, path, scope, termOf)))
            : Task.CompletedTask;

    /// <summary>Validates the items a bag or taxonomy holds, each against its own type, and writes them back normalised.</summary>
    private async Task ValidateNestedItemsAsync(JsonObject part, string member, List<string> allowedTypes, string path, ValidationScope scope, string? termOf)
    {
        var node = part[member];
        if (node is null)
        {
            return;
        }
        if (node is not JsonArray array)
        {
            scope.Fail($"{path}.{member}", "Content.NotItemList", ("member", member));
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}.{member}[{i}]";
            if (array[i] is not JsonObject json)
            {
                scope.Fail(itemPath, "Content.EntryNotItem");
                continue;
            }
            ContentItem child;
            try
            {
                child = ContentItemJsonConverter.FromJson(json);
            }
            catch (JsonException e)
            {
                scope.Fail(string.IsNullOrEmpty(e.Path) ? itemPath : $"{itemPath}.{e.Path}", "Content.Unreadable", ("detail", e.Message));
                continue;
            }
            if (allowedTypes.Count > 0 && !allowedTypes.Contains(child.ContentType))
            {
                scope.Fail($"{itemPath}.ContentType", "Content.TypeNotAllowed", ("allowed", string.Join(", ", allowedTypes)), ("type", child.ContentType));
                continue;
            }
            child.ContentItemId = IdGenerator.IsValid(child.ContentItemId) ? child.ContentItemId : IdGenerator.New();
            child.ContentItemVersionId = IdGenerator.IsValid(child.ContentItemVersionId) ? child.ContentItemVersionId : IdGenerator.New();
            if (termOf is not null)
            {
                child.GetOrCreatePart("TermPart")["TaxonomyContentItemId"] = termOf;
                await ValidateNestedItemsAsync(child.Data, "Terms", allowedTypes, itemPath, scope, termOf);
            }
            await ValidateItemAsync(child, itemPath + ".", nested: true, scope);
            if (child.Part("TitlePart")?["Title"] is JsonValue title && title.TryGetValue<string>(out var text))
            {
                child.DisplayText = text;
            }
            array[i] = ContentItemJsonConverter.ToJson(child);
        }
    }
}
