using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Twinning.Module.Features.Admin;

/// <summary>A refusal or a missing page inside the admin shell (<c>Shared/Problem.cshtml</c>), with its status code,
/// instead of a page of its own per case.</summary>
public sealed record AdminProblem(string Title, string Message, string? LinkText = null, string? LinkUrl = null)
{
    public const string ViewPath = "/Features/Admin/Shared/Problem.cshtml";

    public IActionResult ToResult(PageModel page, int statusCode)
        => new ViewResult
        {
            ViewName = ViewPath,
            StatusCode = statusCode,
            ViewData = new ViewDataDictionary<AdminProblem>(page.ViewData, this),
        };
}
