using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Twinning.Module.Features.ApiReference;

/// <summary>
/// What the endpoints cannot say about themselves: where the API is, its licence, how a caller signs in (a bearer token
/// from <c>/connect/token</c>, or an editor's cookie), that every <c>/api</c> route asks permissions (401, 403), and one
/// problem details body (RFC 9457, with Twinning's <c>errors</c> and <c>messages</c>) for every 4xx answer, so that a
/// generated client has one error type. The document passes <c>@redocly/cli lint</c> (<c>.ci/typed-clients</c>).
/// </summary>
public static class ApiDocumentDescription
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ApiClientScheme = "apiClient";
    public const string EditorCookieScheme = "editorCookie";
    public const string PreviewTokenScheme = "previewToken";
    private const string ProblemContentType = "application/problem+json";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Content"] = "Content items in Orchard Core's JSON: read by id or path, list, create or update, publish, unpublish, remove.",
        ["Site"] = "What a front end needs before it asks for content.",
        ["Authentication"] = "Tokens for API clients (OAuth 2.0 client credentials).",
        ["Media"] = "The media library: files, folders, uploads and where a file is used.",
        ["Twinning views"] = "Published twinning content in standard formats: iCalendar, GeoJSON, schema.org JSON-LD, opening status.",
        ["Webhooks"] = "Webhook subscriptions and their delivery log.",
    };

    public static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.License = new OpenApiLicense { Name = "BSD-3-Clause", Identifier = "BSD-3-Clause" };
        // Relative: the document describes the site that serves it.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The site that serves this document" }];
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        // One body for every problem: the validation problem's own schema is folded into it.
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiClientScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "An API client's bearer token (Authorization: Bearer …) from POST /connect/token with "
                    + "grant_type=client_credentials, client_id and client_secret. What it may do is its roles' permissions.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string>(),
                    },
                },
            },
            [EditorCookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = ".Twinning.Auth",
                Description = "An editor's sign-in cookie from /account/login (the admin, and front ends on the same site). "
                    + "Writes must be sent as JSON, which a cross-site form cannot do.",
            },
            [PreviewTokenScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "Preview",
                Description = "A preview token (Authorization: Preview …) made by an editor's \"Preview on the site\": for a short "
                    + "time, it reads that one item's latest version, draft or not, through GET /api/content/{contentItemId}, and nothing else.",
            },
        };

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                Describe(document, path, method, operation);
            }
        }
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= new OpenApiResponses();
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api")
        {
            // Every /api route asks permissions of its caller: anonymous callers hold those of the Anonymous role. What an
            // endpoint declared itself (a preview token) comes after.
            operation.Security =
            [
                .. method == HttpMethod.Get ? [new OpenApiSecurityRequirement()] : Array.Empty<OpenApiSecurityRequirement>(),
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiClientScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(EditorCookieScheme, document)] = [] },
                .. operation.Security ?? [],
            ];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No caller is signed in and the Anonymous role lacks the permission (named in detail)." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller lacks the permission (named in detail)." });
        }
        else
        {
            operation.Security = [];
        }
        // In the order of their codes, whoever declared them.
        var declared = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in declared)
        {
            operation.Responses[status] = response;
            if (status.StartsWith('4') && response is OpenApiResponse answer && !(answer.Content?.Keys.Any(k => k != ProblemContentType) ?? false))
            {
                answer.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemContentType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                };
            }
        }
    }

    /// <summary>For an endpoint that also reads a preview token (<c>.AddOpenApiOperationTransformer(AcceptsPreviewTokenAsync)</c>).</summary>
    public static Task AcceptsPreviewTokenAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(PreviewTokenScheme, context.Document)] = [] }];
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description, string? format = null)
        => new() { Type = JsonSchemaType.String, Format = format, Description = description };

    /// <summary>RFC 9457's members, the request's trace id, and on invalid input Twinning's <c>errors</c> and <c>messages</c>.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem (application/problem+json). A refusal of input also names each field in errors, "
            + "and a content item that is not valid gives each message's key and arguments in messages.",
        Required = new HashSet<string> { "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference that identifies the kind of problem.", "uri-reference"),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong with this request, such as the permission it needs."),
            ["instance"] = Text("A URI reference that identifies this occurrence.", "uri-reference"),
            ["traceId"] = Text("The request's trace id, as the site's log and traces record it."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For each field refused (a query parameter, or a JSON path in the content item such as "
                    + "Article.Visitors.Value), its messages in English.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["messages"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "On a content item that is not valid: for each key of errors, each message's key and named "
                    + "arguments in the same order, for a front end that writes the message in its own language.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "key", "arguments" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["key"] = Text("The message's key, such as Numeric.TooSmall."),
                            ["arguments"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Description = "The message's named arguments (field, min …): numbers as numbers, a message inside a message as key and arguments, the rest as text.",
                            },
                        },
                    },
                },
            },
        },
    };
}
