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
        if (context.Request.QueryString.HasValue && JsonInput.FirstUnstorableField(context.Request.Query) is { } unstorable)
        {
            await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [unstorable.Name] = [unstorable.Problem.English] },
                title: "The request is not valid.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
