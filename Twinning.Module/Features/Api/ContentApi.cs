using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Api;

/// <summary>Orchard Core's content REST API: <c>GET /api/content/{contentItemId}</c> returns the published
/// version in Orchard's content item JSON.</summary>
public static class ContentApi
{
    public static RouteGroupBuilder MapContentApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/content").WithTags("Content");
        group.MapGet("/{contentItemId}", GetContentItemAsync)
            .WithName("ApiGetContentItem")
            .WithSummary("The published version of a content item, in Orchard Core's JSON.");
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetContentItemAsync(
        string contentItemId, ContentStore store, PermissionService permissions, HttpContext http)
    {
        if (await DenyAsync(permissions, http, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        var item = await store.GetAsync(contentItemId, VersionOptions.Published);
        if (item is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"There is no published content item '{contentItemId}'.");
        }
        if (await DenyAsync(permissions, http, Permissions.ViewContent) is { } cannotView)
        {
            return cannotView;
        }
        return TypedResults.Content(ContentItemJsonConverter.Serialize(item), "application/json; charset=utf-8");
    }

    /// <summary>401 for an anonymous caller, 403 for a signed-in one, without the permission; null when allowed.</summary>
    private static async Task<ProblemHttpResult?> DenyAsync(PermissionService permissions, HttpContext http, string permission)
    {
        if (await permissions.HasPermissionAsync(http.User, permission))
        {
            return null;
        }
        return http.User.Identity?.IsAuthenticated == true
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"This needs the '{permission}' permission.")
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"Sign in or use a client with the '{permission}' permission.");
    }
}
