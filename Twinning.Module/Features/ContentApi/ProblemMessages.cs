using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.ContentApi;

/// <summary>
/// The <c>messages</c> member of a content validation problem: beside <c>errors</c> (English texts by field), each
/// error's key and arguments in the same order, so a front end can write the message in its own language
/// (<c>{"Article.Visitors.Value": [{"key": "Numeric.TooSmall", "arguments": {"field": "Visitors", "min": 0}}]}</c>).
/// </summary>
public static class ProblemMessages
{
    /// <summary>The extension member's name.</summary>
    public const string Member = "messages";

    /// <summary>Describes the member in the OpenAPI document, on the validation problem schema the endpoints share.</summary>
    public static IServiceCollection AddTwinningContentApi(this IServiceCollection services)
        => services.ConfigureAll<OpenApiOptions>(options => options.AddSchemaTransformer(DescribeAsync));

    private static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(HttpValidationProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties[Member] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "On a content item that is not valid: for each key of errors, each message's key and named arguments, in the same order.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["key"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["arguments"] = new OpenApiSchema { Type = JsonSchemaType.Object },
                        },
                    },
                },
            };
        }
        return Task.CompletedTask;
    }

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
