using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Rules;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Validation;

/// <summary>
/// The one rule set every entry point calls before a version is stored: the item's parts and fields
/// against its type definition, the built-in parts' own rules (titles, unique paths, translations,
/// list containers, bags, taxonomies), then the Twinning rules. It also normalises what it accepts
/// (display text from the title, generated slugs, sanitised HTML, E.164 phone numbers, ids for bag items).
/// </summary>
public sealed class ContentValidator(ContentFieldValidator fields, HtmlSanitizerService sanitizer, IEnumerable<IContentItemRule> rules)
{
    /// <summary>The Orchard Core parts whose behaviour the engine provides, each with the properties it holds.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> BuiltInPartProperties = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["TitlePart"] = ["Title"],
        ["AutoroutePart"] = ["Path", "SetHomepage", "Disabled", "RouteContainedItems", "Absolute"],
        ["HtmlBodyPart"] = ["Html"],
        ["MarkdownBodyPart"] = ["Markdown"],
        ["ListPart"] = [],
        ["BagPart"] = ["ContentItems"],
        ["FlowPart"] = ["Widgets"],
        ["LocalizationPart"] = ["LocalizationSet", "Culture"],
        ["TaxonomyPart"] = ["Terms", "TermContentType"],
        ["TermPart"] = ["TaxonomyContentItemId"],
        ["ContainedPart"] = ["ListContentItemId", "ListContentType", "Order"],
    };

    /// <summary>The member holding whole content items inside a part (a bag's items, a flow's widgets), if it has one.</summary>
    public static string? NestedItemsMember(string partName) => partName switch
    {
        "BagPart" => "ContentItems",
        "FlowPart" => "Widgets",
        _ => null,
    };

    /// <summary>The Orchard Core parts whose behaviour the engine provides.</summary>
    public static readonly IReadOnlySet<string> BuiltInParts = BuiltInPartProperties.Keys.ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(
        ContentItem item, ContentDefinitionDocument definitions, SiteSettings site, IContentLookup lookup, IMediaLookup? media = null)
    {
        var scope = new ValidationScope(definitions, site, lookup, media);
        // Whatever the entry point (API, recipe, admin), text that one database would refuse is refused on all of them.
        foreach (var (path, message) in JsonInput.FindUnstorableText(ContentItemJsonConverter.ToJson(item)))
        {
            scope.Fail(path, message);
        }
        await ValidateItemAsync(item, prefix: "", nested: false, scope);
        return scope.Errors;
    }

    private async Task ValidateItemAsync(ContentItem item, string prefix, bool nested, ValidationScope scope)
    {
        var type = scope.Definitions.FindType(item.ContentType);
        if (type is null)
        {
            scope.Fail($"{prefix}ContentType", $"There is no content type '{item.ContentType}'.");
            return;
        }
        // A key that names no part of the type is kept as data, as Orchard Core keeps it (its own recipes carry
        // "Displaytext", "Id" and parts of other types); nothing checks, indexes or shows it as a part.
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var path = prefix + typePart.Name;
            if (item.Data[typePart.Name] is { } node && node is not JsonObject)
            {
                scope.Fail(path, $"{typePart.Name} must be a JSON object.");
                continue;
            }
            var definition = scope.Definitions.FindPart(typePart.PartName);
            if (definition is null && !BuiltInParts.Contains(typePart.PartName))
            {
                // A part no module defines: its data is kept as given (see ContentDefinitionImport).
                continue;
            }
            var part = item.GetOrCreatePart(typePart.Name);
            var declared = definition?.ContentPartFieldDefinitionRecords ?? [];
            CheckMembers(typePart.PartName, declared, part, path, scope);
            await ValidateBuiltInPartAsync(item, typePart, part, path, nested, scope);
            await ValidateFieldsAsync(declared, part, path, scope);
        }
        if (item.Data["ContainedPart"] is JsonObject contained)
        {
            CheckMembers("ContainedPart", [], contained, $"{prefix}ContainedPart", scope);
            await ValidateContainedAsync(item, contained, $"{prefix}ContainedPart", scope);
        }
        if (!nested && item.Part("TitlePart")?["Title"] is JsonValue title && title.TryGetValue<string>(out var text))
        {
            item.DisplayText = text;
        }

        var context = new ContentValidationContext(item, scope.Site.TimeZoneId,
            async id => (await scope.Lookup.GetLatestContentTypesAsync([id])).GetValueOrDefault(id));
        foreach (var rule in rules.Where(r => r.AppliesTo(item.ContentType)))
        {
            await rule.ValidateAsync(context);
        }
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
        var builtIn = BuiltInPartProperties.TryGetValue(partName, out var properties);
        var members = (properties ?? []).Concat(declared.Select(f => f.Name)).ToList();
        foreach (var (key, _) in part)
        {
            if (MemberNames.CaseVariantOf(key, members) is { } meant)
            {
                scope.Fail($"{path}.{key}", $"'{key}' differs from '{meant}' of part '{partName}' only in case: write '{meant}'.");
            }
            else if (!builtIn && !members.Contains(key, StringComparer.Ordinal))
            {
                scope.Fail($"{path}.{key}", $"Part '{partName}' has no field '{key}'.");
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
                scope.Fail($"{path}.{field.Name}", $"{field.Name} must be a JSON object.");
                continue;
            }
            await fields.ValidateAsync(field, node as JsonObject, $"{path}.{field.Name}", scope);
        }
    }

    private async Task ValidateBuiltInPartAsync(ContentItem item, ContentTypePartDefinition typePart, JsonObject part, string path, bool nested, ValidationScope scope)
    {
        switch (typePart.PartName)
        {
            case "TitlePart":
                var title = StringMember(part, "Title", path, scope);
                if (typePart.Settings.Get<TitlePartSettings>().Options == 3 && string.IsNullOrWhiteSpace(title))
                {
                    scope.Fail($"{path}.Title", "A title is required.");
                }
                break;
            case "AutoroutePart":
                if (!nested)
                {
                    await ValidatePathAsync(item, part, path, scope);
                }
                break;
            case "HtmlBodyPart":
                if (StringMember(part, "Html", path, scope) is { } html)
                {
                    sanitizer.SanitizeInto(part, "Html", html, path, scope);
                }
                break;
            case "MarkdownBodyPart":
                StringMember(part, "Markdown", path, scope);
                break;
            case "BagPart":
                await ValidateNestedItemsAsync(part, NestedItemsMember("BagPart")!, typePart.Settings.Get<BagPartSettings>().ContainedContentTypes, path, scope, termOf: null);
                break;
            case "FlowPart":
                // Widgets of any type; those of features Twinning does not have were passed over by the recipe's content step.
                await ValidateNestedItemsAsync(part, NestedItemsMember("FlowPart")!, [], path, scope, termOf: null);
                break;
            case "TaxonomyPart":
                var termType = StringMember(part, "TermContentType", path, scope);
                await ValidateNestedItemsAsync(part, "Terms", termType is null ? [] : [termType], path, scope, termOf: item.ContentItemId);
                break;
            case "LocalizationPart":
                await ValidateLocalizationAsync(item, part, path, nested, scope);
                break;
        }
    }

    private static async Task ValidatePathAsync(ContentItem item, JsonObject part, string path, ValidationScope scope)
    {
        var given = StringMember(part, "Path", path, scope);
        if (!string.IsNullOrWhiteSpace(given))
        {
            if (!Slug.IsValidPath(given))
            {
                scope.Fail($"{path}.Path", $"'{given}' is not a valid path: use letters, digits, '-', '_', '.', '~' and '/' between segments.");
            }
            else if (await scope.Lookup.IsPathTakenAsync(given, item.ContentItemId))
            {
                scope.Fail($"{path}.Path", $"The path '{given}' is already used by another content item.");
            }
            return;
        }
        // A title of the wrong kind is reported by the TitlePart check; the slug then falls back to the display text.
        var title = item.Part("TitlePart")?["Title"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : item.DisplayText;
        var slug = Slug.From(title);
        if (slug.Length == 0)
        {
            return;
        }
        var candidate = slug;
        for (var n = 2; await scope.Lookup.IsPathTakenAsync(candidate, item.ContentItemId); n++)
        {
            candidate = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        part["Path"] = candidate;
    }

    private static async Task ValidateLocalizationAsync(ContentItem item, JsonObject part, string path, bool nested, ValidationScope scope)
    {
        var culture = StringMember(part, "Culture", path, scope);
        var supported = scope.Site.LocalizationSettings.SupportedCultures;
        if (string.IsNullOrWhiteSpace(culture))
        {
            culture = scope.Site.LocalizationSettings.DefaultCulture;
            part["Culture"] = culture;
        }
        else if (supported.Count > 0 && !supported.Contains(culture))
        {
            scope.Fail($"{path}.Culture", $"The culture '{culture}' is not one of the site's cultures ({string.Join(", ", supported)}).");
            return;
        }
        var set = StringMember(part, "LocalizationSet", path, scope);
        if (string.IsNullOrWhiteSpace(set))
        {
            part["LocalizationSet"] = IdGenerator.New();
        }
        else if (!nested && await scope.Lookup.IsTranslationTakenAsync(set, culture, item.ContentItemId))
        {
            scope.Fail($"{path}.Culture", $"Another content item is already the '{culture}' translation in localization set '{set}'.");
        }
    }

    private static async Task ValidateContainedAsync(ContentItem item, JsonObject contained, string path, ValidationScope scope)
    {
        var listId = StringMember(contained, "ListContentItemId", path, scope);
        if (string.IsNullOrEmpty(listId))
        {
            scope.Fail($"{path}.ListContentItemId", "ContainedPart needs the id of the list that holds the item.");
            return;
        }
        var list = await scope.Lookup.GetLatestAsync(listId);
        var listType = list is null ? null : scope.Definitions.FindType(list.ContentType);
        if (list is null || listType is null)
        {
            scope.Fail($"{path}.ListContentItemId", $"There is no content item '{listId}' to contain this item.");
            return;
        }
        var listPart = listType.PartsOfKind("ListPart").FirstOrDefault();
        if (listPart is null)
        {
            scope.Fail($"{path}.ListContentItemId", $"'{listId}' is a {list.ContentType}, which has no ListPart to contain items.");
            return;
        }
        var allowed = listPart.Settings.Get<ListPartSettings>().ContainedContentTypes;
        if (allowed.Count > 0 && !allowed.Contains(item.ContentType))
        {
            scope.Fail($"{path}.ListContentItemId", $"A {list.ContentType} list holds {string.Join(", ", allowed)}, not {item.ContentType}.");
        }
        contained["ListContentType"] = list.ContentType;
        var order = contained["Order"];
        if (order is not null && (order.GetValueKind() != JsonValueKind.Number || !order.AsValue().TryGetValue<int>(out var value) || value < 0))
        {
            scope.Fail($"{path}.Order", "Order must be a whole number from 0 up.");
        }
    }

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
            scope.Fail($"{path}.{member}", $"{member} must be a list of content items.");
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}.{member}[{i}]";
            if (array[i] is not JsonObject json)
            {
                scope.Fail(itemPath, "Each entry must be a content item object.");
                continue;
            }
            ContentItem child;
            try
            {
                child = ContentItemJsonConverter.FromJson(json);
            }
            catch (JsonException e)
            {
                scope.Fail(string.IsNullOrEmpty(e.Path) ? itemPath : $"{itemPath}.{e.Path}", e.Message);
                continue;
            }
            if (allowedTypes.Count > 0 && !allowedTypes.Contains(child.ContentType))
            {
                scope.Fail($"{itemPath}.ContentType", $"Only {string.Join(", ", allowedTypes)} may be added here, not '{child.ContentType}'.");
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

    private static string? StringMember(JsonObject part, string member, string path, ValidationScope scope)
    {
        var node = part[member];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        scope.Fail($"{path}.{member}", $"{member} must be text.");
        return null;
    }
}
