using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>The item a page about an item's drafts (its history, its preview) is for: the latest version and its type,
/// or the refusal to show instead (404 for no such item, 403 unless the user may edit it, since drafts are shown).</summary>
public static class EditableItems
{
    public static async Task<(ContentItem? Item, ContentTypeDefinition? Type, IActionResult? Refusal)> LoadAsync(PageModel page, string id,
        ContentStore store, ContentDefinitionService definitions, IAuthorizationService permissions, IStringLocalizer<AdminText> t)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(t);
        var defs = await definitions.GetAsync();
        if (!IdGenerator.IsValid(id) || await store.GetLatestAsync(id) is not { } item || defs.FindType(item.ContentType) is not { } type)
        {
            return (null, null, new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(page, StatusCodes.Status404NotFound));
        }
        if (!await permissions.HasPermissionAsync(page.User, Permissions.EditContent, item.ContentType, item.Owner))
        {
            return (null, null, new AdminProblem(t["Problem.NotAllowed"], t["Editor.MayNotEdit"]).ToResult(page, StatusCodes.Status403Forbidden));
        }
        return (item, type, null);
    }
}
