using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Twinning.Module.Features.Validation;

/// <summary>
/// A request the endpoints could not read (a JSON body that is malformed, too deep or gives a key twice; a body over
/// the server's size limit) is the client's error: a 400 validation problem naming <c>body</c>, or a 413, rather than
/// the 500 an unhandled exception would give.
/// </summary>
public sealed class UnreadableRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        var details = bad.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                // The JSON reader's own message says what and where (line, position); the binder's only names the parameter.
                [JsonInput.BodyField] = [bad.InnerException is JsonException json ? json.Message : bad.Message],
            }) { Title = "The request is not valid." }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "The request could not be read.", Detail = bad.Message };
        details.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
