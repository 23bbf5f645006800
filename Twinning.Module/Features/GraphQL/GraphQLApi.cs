using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Core.Rules;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.GraphQL;

/// <summary><c>/api/graphql</c> as Orchard Core serves it: GET with <c>query</c>, <c>variables</c>, <c>operationName</c>;
/// POST with an application/json body or an application/graphql query; the answer is <c>{data, errors}</c>.</summary>
public static class GraphQLApi
{
    public const string ExecuteGraphQL = "ExecuteGraphQL";

    /// <summary>The error code of a document refused by <see cref="GraphQLDocumentLimits"/>.</summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    private static readonly DocumentExecuter Executer = new();
    private static readonly GraphQLDocumentBuilder DocumentBuilder = new();

    // Letters of every script as they are, as in the REST API (Polish, Belarusian, Lithuanian ... editors read these).
    private static readonly GraphQLSerializer Serializer = new(options =>
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));

    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder routes)
        => routes.MapMethods("/api/graphql", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .CacheBySiteState()
            .WithTags("GraphQL")
            .WithName("GraphQL")
            .WithSummary("Orchard Core's GraphQL API over the content definitions.")
            .DisableAntiforgery();

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (!await services.GetRequiredService<IAuthorizationService>().HasPermissionAsync(http.User, ExecuteGraphQL))
        {
            // 401 whether or not the caller signed in, as Orchard's endpoint answers (it challenges).
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, $"Running GraphQL queries needs the '{ExecuteGraphQL}' permission.");
            return;
        }
        if (IsFormPostWithCookie(http.Request, http.User))
        {
            // What a cross-site form could send with an editor's sign-in cookie; JSON needs a CORS preflight first.
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType,
                "With the sign-in cookie, send the query as application/json or application/graphql.");
            return;
        }
        GraphQLRequest? request;
        try
        {
            request = await ReadAsync(http);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, $"The request is not valid JSON: {e.Message}");
            return;
        }
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "A GraphQL query is required (the 'query' parameter or body).");
            return;
        }
        if (Unstorable(request) is { } unstorable)
        {
            // What no database may receive, as in every other input; a NUL in the document failed with a server error.
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, $"{unstorable.Path}: {unstorable.Problem.English}");
            return;
        }

        var options = services.GetRequiredService<IOptions<GraphQLOptions>>().Value;
        var schema = await services.GetRequiredService<ContentSchemaCache>().GetAsync(
            services.GetRequiredService<TwinningDbContext>(), services.GetRequiredService<ContentDefinitionService>(), http.RequestAborted);
        var documents = services.GetRequiredService<GraphQLDocumentCache>();
        var cached = documents.Get(schema, request.Query);
        GraphQLDocument document;
        try
        {
            document = cached ?? DocumentBuilder.Build(request.Query);
        }
        catch (GraphQLParserException e)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, e is GraphQLSyntaxErrorException syntax ? new SyntaxError(syntax) : new ExecutionError(e.Message));
            return;
        }
        // Before validation, which expands fragments and compares fields pairwise: a small document may not cost more
        // than its size allows. A kept document declaring no variables passed this check as it is (same text, same
        // limits for the process's life); one with variables is checked every time, as its where values differ.
        var measured = cached is not null && !cached.Definitions.OfType<GraphQLOperationDefinition>().Any(o => o.Variables?.Items.Count > 0);
        if (!measured && GraphQLDocumentLimits.Check(document, request.Variables, options) is { } exceeded)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, new ExecutionError(exceeded.Message) { Code = LimitExceeded });
            return;
        }
        var complexity = new ComplexityValidationRule(new ComplexityOptions
        {
            MaxDepth = options.MaxDepth,
            MaxComplexity = options.MaxComplexity,
            // Lists without 'first' are usually short (a forum's cities, a bag): counted as 3 items, not 5.
            DefaultListImpactMultiplier = 3,
        });
        // Work stops when the caller leaves or the request has run out of time, whichever comes first.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(options.TimeBudget);
        var started = Stopwatch.GetTimestamp();
        ExecutionResult result;
        try
        {
            result = await Executer.ExecuteAsync(o =>
            {
                o.Schema = schema;
                o.Query = request.Query;
                // A document validated before against this schema is used as it is and not validated again, but for its
                // complexity when variables are given (list sizes may come from them); variables are read and checked
                // every time.
                o.Document = document;
                o.Variables = request.Variables;
                o.OperationName = request.OperationName;
                o.RequestServices = services;
                o.User = http.User;
                o.UserContext = new GraphQLRequestContext(services, http.User);
                o.CancellationToken = budget.Token;
                // Level by level, so deferred (batched) fields of a level load together; one at a time, because the
                // fields share the request's DbContext, which allows one command at a time.
                o.MaxParallelExecutionCount = 1;
                o.UnhandledExceptionDelegate = context =>
                {
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLApi))
                        .LogError(context.OriginalException, "GraphQL field failed: {Message}", context.OriginalException.Message);
                    // The caller learns that the field failed, not which storage engine or exception type was behind it.
                    context.Exception = new ExecutionError("This field could not be read; the error has been logged.") { Code = "INTERNAL_ERROR" };
                    return Task.CompletedTask;
                };
                // Without variables a kept document's complexity is what it was when it passed; who may read which type
                // is asked every time, as it depends on the caller.
                o.ValidationRules = cached is null ? [.. DocumentValidator.CoreRules, complexity, ContentPermissionRule.Instance]
                    : request.Variables is null or { Count: 0 } ? [ContentPermissionRule.Instance] : [complexity, ContentPermissionRule.Instance];
            });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            await WriteTimeBudgetExceededAsync(http, options);
            return;
        }
        // The timer that cancels may fire late on a busy machine, after the work is done: the clock decides, so a
        // request past its budget is refused however the work ended.
        if (Stopwatch.GetElapsedTime(started) > options.TimeBudget)
        {
            await WriteTimeBudgetExceededAsync(http, options);
            return;
        }
        if (cached is null && result.Executed && result.Document is { } validated)
        {
            documents.Set(schema, request.Query, validated);
        }
        // As Orchard's endpoint: 200 only without errors, 401 when a permission was missing, else 400.
        http.Response.StatusCode = result.Errors is not { Count: > 0 } errors ? StatusCodes.Status200OK
            : errors.Any(e => e is ValidationError { Number: ContentPermissionRule.ErrorNumber }) ? StatusCodes.Status401Unauthorized
            : StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json; charset=utf-8";
        await Serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task<GraphQLRequest?> ReadAsync(HttpContext http)
    {
        var httpRequest = http.Request;
        if (HttpMethods.IsGet(httpRequest.Method))
        {
            var variables = httpRequest.Query["variables"].ToString();
            return new GraphQLRequest
            {
                Query = httpRequest.Query["query"].ToString(),
                OperationName = NullIfEmpty(httpRequest.Query["operationName"].ToString()),
                Variables = string.IsNullOrEmpty(variables) ? null : Serializer.Deserialize<Inputs>(variables),
            };
        }
        if (httpRequest.ContentType?.StartsWith("application/graphql", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(httpRequest.Body);
            return new GraphQLRequest
            {
                Query = await reader.ReadToEndAsync(http.RequestAborted),
                OperationName = NullIfEmpty(httpRequest.Query["operationName"].ToString()),
            };
        }
        return await Serializer.ReadAsync<GraphQLRequest>(httpRequest.Body, http.RequestAborted);
    }

    /// <summary>The first text in the request that cannot be stored (<see cref="JsonInput.UnstorableText"/>), with its
    /// path: <c>query</c>, <c>operationName</c> or <c>variables.name</c>.</summary>
    private static (string Path, RuleMessage Problem)? Unstorable(GraphQLRequest request)
    {
        var pending = new Stack<(object? Value, string Path)>();
        pending.Push((request.Query, "query"));
        pending.Push((request.OperationName, "operationName"));
        pending.Push((request.Variables, "variables"));
        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            switch (value)
            {
                case string text when JsonInput.UnstorableText(text) is { } problem:
                    return (path, problem);
                case IEnumerable<KeyValuePair<string, object?>> members:
                    foreach (var (name, member) in members)
                    {
                        if (JsonInput.UnstorableText(name, isName: true) is { } problem)
                        {
                            return ($"{path}.{name}", problem);
                        }
                        pending.Push((member, $"{path}.{name}"));
                    }
                    break;
                case System.Collections.IEnumerable items and not string:
                    var index = 0;
                    foreach (var item in items)
                    {
                        pending.Push((item, $"{path}[{index++}]"));
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>A POST signed in by the editor's cookie (not a bearer token) whose body is not JSON or GraphQL text: the
    /// kinds of body a page of another site can post without asking first. The admin's GraphiQL posts JSON.</summary>
    private static bool IsFormPostWithCookie(HttpRequest request, System.Security.Claims.ClaimsPrincipal user)
        => HttpMethods.IsPost(request.Method)
            && user.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !request.HasJsonContentType()
            && request.ContentType?.StartsWith("application/graphql", StringComparison.OrdinalIgnoreCase) != true;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static Task WriteErrorAsync(HttpContext http, int status, string message)
        => WriteErrorAsync(http, status, new ExecutionError(message));

    private static async Task WriteErrorAsync(HttpContext http, int status, ExecutionError error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await Serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [error] }, http.RequestAborted);
    }

    private static Task WriteTimeBudgetExceededAsync(HttpContext http, GraphQLOptions options)
        => WriteErrorAsync(http, StatusCodes.Status400BadRequest, new ExecutionError(string.Create(CultureInfo.InvariantCulture,
            $"The query did not finish within its time budget of {options.TimeBudget.TotalSeconds:0.###} s ({GraphQLOptions.Section}:{nameof(GraphQLOptions.TimeBudget)}); ask for fewer items or fields."))
            { Code = "TIME_BUDGET_EXCEEDED" });
}
