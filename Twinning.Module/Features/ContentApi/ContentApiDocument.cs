using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Twinning.Core.Content;

namespace Twinning.Module.Features.ContentApi;

/// <summary>
/// The bodies of the content API in the OpenAPI document: a content item in Orchard Core's JSON (the envelope's members,
/// then parts and the type's own fields keyed by name), what a write sends, and the list's page. The endpoints answer
/// with the item's stored JSON text, so the schemas are declared here rather than read from a .NET type.
/// </summary>
public static class ContentApiDocument
{
    public const string ItemSchema = "ContentItem";
    public const string InputSchema = "ContentItemInput";
    public const string ListSchema = "ContentItemList";

    /// <summary>Endpoint metadata: the 200 answer is <paramref name="Schema"/>; <paramref name="Input"/> when the body is an item.</summary>
    public sealed record Answer(string Schema, string Description, bool Input = false);

    /// <summary>The endpoint answers 200 with <paramref name="schema"/> and the version's <c>ETag</c>.</summary>
    public static TBuilder Answers<TBuilder>(this TBuilder builder, string schema, string description, bool input = false)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new Answer(schema, description, input));

    public static IServiceCollection AddTwinningContentApi(this IServiceCollection services)
        => services.ConfigureAll<OpenApiOptions>(options => options
            .AddOperationTransformer(DescribeOperationAsync)
            .AddDocumentTransformer(DescribeSchemasAsync));

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Answer>().LastOrDefault() is not { } answer)
        {
            return Task.CompletedTask;
        }
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = answer.Description,
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["ETag"] = new OpenApiHeader
                {
                    Description = "A read's weak tag (send it in If-None-Match for a 304), or a write's strong tag: the version id to send in If-Match with the next write.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(answer.Schema, context.Document) },
            },
        };
        if (answer.Input)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A content item in Orchard Core's JSON. Without ContentItemId (or with an id that does not exist) a new item of ContentType is created; with the id of an existing item, the body is merged into its latest version.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(InputSchema, context.Document) },
                },
            };
        }
        return Task.CompletedTask;
    }

    private static Task DescribeSchemasAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // The write's declared body (a JSON object, for routing) is described as ContentItemInput instead.
        document.Components.Schemas.Remove("JsonObject");
        document.Components.Schemas[ItemSchema] = Item(
            "A content item in Orchard Core's JSON: the envelope's members, then each part keyed by its name (TitlePart, "
            + "AutoroutePart …) and the type's own fields under the part named after the type (Forum.StartDate.Value …).",
            required: true);
        document.Components.Schemas[InputSchema] = Item(
            "A content item to save, in Orchard Core's JSON. ContentType is needed for a new item; the other envelope "
            + "members are kept by the site (ids, versions, dates, owner) and may be left out.",
            required: false);
        document.Components.Schemas[ListSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A page of content items the caller may view, with the number of items that match.",
            Required = new HashSet<string> { "items", "total", "skip", "take" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["items"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(ItemSchema, document) },
                ["total"] = Integer("How many items match, on every page."),
                ["skip"] = Integer("How many matching items come before this page."),
                ["take"] = Integer("The page size asked for (the default when none was)."),
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Item(string description, bool required)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [nameof(ContentItem.ContentItemId)] = Text("The item's id, the same in all its versions."),
                [nameof(ContentItem.ContentItemVersionId)] = Text("This version's id."),
                [nameof(ContentItem.ContentType)] = Text("The content type's name, such as Forum."),
                [nameof(ContentItem.DisplayText)] = Text("The item's title as lists show it.", nullable: true),
                [nameof(ContentItem.Latest)] = Flag("Whether this is the item's latest version."),
                [nameof(ContentItem.Published)] = Flag("Whether this version is the published one."),
                [nameof(ContentItem.ModifiedUtc)] = Text("When this version was last saved (UTC).", nullable: true, format: "date-time"),
                [nameof(ContentItem.PublishedUtc)] = Text("When the item was last published (UTC).", nullable: true, format: "date-time"),
                [nameof(ContentItem.CreatedUtc)] = Text("When the item was created (UTC).", nullable: true, format: "date-time"),
                [nameof(ContentItem.Owner)] = Text("The owning user's id.", nullable: true),
                [nameof(ContentItem.Author)] = Text("The user name of who saved this version.", nullable: true),
            },
            // Parts, the type's own fields and any other key the item carries, each as written.
            AdditionalProperties = new OpenApiSchema { Description = "A part or the type's own fields keyed by name, or other data the item carries." },
        };
        if (required)
        {
            // Every envelope member is written, null when it has no value.
            schema.Required = new HashSet<string>(schema.Properties.Keys);
        }
        return schema;
    }

    private static OpenApiSchema Text(string description, bool nullable = false, string? format = null)
        => new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Format = format, Description = description };

    private static OpenApiSchema Flag(string description) => new() { Type = JsonSchemaType.Boolean, Description = description };

    private static OpenApiSchema Integer(string description) => new() { Type = JsonSchemaType.Integer, Format = "int32", Description = description };
}
