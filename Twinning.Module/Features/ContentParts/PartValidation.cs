using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Rules;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentParts;

/// <summary>One part of an item being validated: the item, the part's JSON and its settings in the type, where it sits in
/// the request, and the readers the parts share. Its last argument validates the content items held in a member of
/// the part (a bag's, a taxonomy's) each against its own type: the part, the member, the allowed types, and for a
/// taxonomy the id its terms belong to.</summary>
public sealed class PartValidation(ContentItem item, JsonObject part, JsonObject settings, string path, bool nested, ValidationScope scope,
    HtmlSanitizerService sanitizer, Func<JsonObject, string, List<string>, string?, Task> nestedItems)
{
    public ContentItem Item { get; } = item;
    public JsonObject Part { get; } = part;

    /// <summary>The part's settings in the content type definition (empty for a welded part).</summary>
    public JsonObject Settings { get; } = settings;
    public string Path { get; } = path;

    /// <summary>Whether the item sits inside another (a bag item or a term): rules about the site as a whole then do not apply.</summary>
    public bool Nested { get; } = nested;
    public ValidationScope Scope { get; } = scope;
    public HtmlSanitizerService Sanitizer { get; } = sanitizer;

    /// <summary>Reports an error on a member of the part: a key of <see cref="RuleText"/> and its arguments.</summary>
    public void Fail(string member, string key, params (string Name, object? Value)[] arguments) => Scope.Fail($"{Path}.{member}", key, arguments);

    /// <summary>A string member, or null when it is absent or (reported) of another JSON kind.</summary>
    public string? Text(string member)
    {
        var node = Part[member];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        Fail(member, "Part.NotText", ("member", member));
        return null;
    }

    /// <summary>Validates the items held in <paramref name="member"/> and writes them back normalised.</summary>
    public Task ValidateItemsAsync(string member, List<string> allowedTypes, string? termOf = null) => nestedItems(Part, member, allowedTypes, termOf);
}
