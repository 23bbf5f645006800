using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Admin;

/// <summary>
/// A form posted to an admin or account page with text no database may receive (a NUL character, which a multipart form
/// carries as it is) is refused with a 400 page naming the field, in the editor's language, before its handler runs.
/// PostgreSQL refused such text wherever it reached a query (signing in, users, roles, settings, webhooks, API clients,
/// the content list's filters) and the page failed with a server error. The rule is <see cref="JsonInput"/>'s, as for
/// query strings and JSON bodies.
/// </summary>
public sealed class UnstorableFormFilter(IStringLocalizer<AdminText> t) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && JsonInput.FirstUnstorableField(await request.ReadFormAsync(context.HttpContext.RequestAborted)) is { } unstorable)
        {
            var problem = new AdminProblem(t["Problem.Unstorable.Title"], t["Problem.Unstorable", unstorable.Name]);
            context.Result = context.HandlerInstance is PageModel page ? problem.ToResult(page, StatusCodes.Status400BadRequest) : new BadRequestResult();
            return;
        }
        await next();
    }
}
