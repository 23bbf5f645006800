using Microsoft.AspNetCore.Http;

namespace Twinning.Module.Features.Validation;

/// <summary>
/// Refuses a request whose query string holds text no database may receive (a NUL character), with a 400 naming the
/// parameter: PostgreSQL refuses it in a command's parameters, and anonymous reads such as
/// <c>/api/content?culture=%00</c> failed with a server error there while SQLite answered. One rule for every endpoint,
/// as <see cref="JsonInput"/> is for bodies.
/// </summary>
public sealed class UnstorableQueryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue && Problems(context.Request.Query) is { Count: > 0 } problems)
        {
            await TypedResults.ValidationProblem(problems, title: "The request is not valid.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static Dictionary<string, string[]> Problems(IQueryCollection query)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            var problem = JsonInput.UnstorableText(name, isName: true)
                ?? values.Select(value => value is null ? null : JsonInput.UnstorableText(value)).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                problems[name] = [problem.English];
            }
        }
        return problems;
    }
}
