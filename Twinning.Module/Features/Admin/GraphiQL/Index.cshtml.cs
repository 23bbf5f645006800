using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.GraphiQL;

/// <summary><c>/admin/graphql</c>: GraphiQL, served from the module (npm packages copied at build, no CDN), to try
/// queries against <c>/api/graphql</c> as the signed-in editor, with the schema's documentation beside them. Only for
/// holders of <see cref="Permissions.ExecuteGraphQL"/>; the queries run with the editor's own permissions.</summary>
[Authorize]
public sealed class GraphiQLPage(IAuthorizationService authorization, IStringLocalizer<AdminText> t) : PageModel
{
    /// <summary>What the editor sees first: a short query of the site's content types.</summary>
    public const string FirstQuery = """
        # Ctrl+Enter runs the query; the Docs button lists every type and field.
        query {
          __schema {
            queryType {
              fields { name description }
            }
          }
        }
        """;

    public async Task<IActionResult> OnGetAsync()
        => await this.RefuseUnlessAsync(authorization, t, Permissions.ExecuteGraphQL, t["GraphiQL.MayNotRun"]) ?? Page();
}
