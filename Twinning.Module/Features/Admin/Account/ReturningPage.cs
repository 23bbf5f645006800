using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.Account;

/// <summary>An account page that goes back where the editor came from afterwards: <c>returnUrl</c> from the query or
/// the form, kept only when it is a path on this site (<see cref="ReturnUrls.IsLocal"/>).</summary>
public abstract class ReturningPage : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The return address to carry in the form; empty when there is none or it leads off the site.</summary>
    public string LocalReturnUrl => ReturnUrls.IsLocal(ReturnUrl) ? ReturnUrl! : "";
}
