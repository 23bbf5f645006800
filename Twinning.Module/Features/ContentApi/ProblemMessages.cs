using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.ContentApi;

/// <summary>
/// The <c>messages</c> member of a content validation problem: beside <c>errors</c> (English texts by field), each
/// error's key and arguments in the same order, so a front end can write the message in its own language
/// (<c>{"Article.Visitors.Value": [{"key": "Numeric.TooSmall", "arguments": {"field": "Visitors", "min": 0}}]}</c>).
/// The OpenAPI document describes it on the one problem schema (<c>ApiDocumentDescription</c>).
/// </summary>
public static class ProblemMessages
{
    /// <summary>The extension member's name.</summary>
    public const string Member = "messages";

    public static JsonObject Of(IEnumerable<ContentValidationError> errors)
        => new(errors.GroupBy(e => e.Field).Select(g => KeyValuePair.Create<string, JsonNode?>(g.Key, new JsonArray([.. g.Select(e => Describe(e.Problem))]))));

    private static JsonObject Describe(RuleMessage message) => new()
    {
        ["key"] = message.Key,
        ["arguments"] = new JsonObject(message.Arguments.Select(a => KeyValuePair.Create(a.Key, Value(a.Value)))),
    };

    /// <summary>Numbers stay numbers and a message inside a message is described the same way; the rest is text.</summary>
    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        RuleMessage inner => Describe(inner),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        IFormattable formattable => JsonValue.Create(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}
