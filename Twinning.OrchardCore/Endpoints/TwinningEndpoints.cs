using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrchardCore;
using OrchardCore.ContentManagement;
using OrchardCore.Contents;
using Twinning.Core.Municipal;
using Twinning.Core.Municipal.ContactPoints;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.JsonLd;
using Twinning.Core.Municipal.PartnerCities;
using Twinning.OrchardCore.Permissions;

namespace Twinning.OrchardCore.Endpoints;

/// <summary>The /api/twinning endpoints of Twinning's own host, over Orchard's content. The outputs are written by
/// Twinning.Core, so both hosts answer with the same bodies.</summary>
public static class TwinningEndpoints
{
    public static IEndpointRouteBuilder MapTwinningEndpoints(this IEndpointRouteBuilder routes)
    {
        // Orchard's content API pattern: callers with a bearer token are authenticated through the "Api" scheme,
        // anonymous callers still reach the handler, and the handler checks permissions itself.
        var group = routes.MapGroup("api/twinning")
            .WithMetadata(new AuthorizeAttribute { AuthenticationSchemes = OrchardCoreConstants.AuthenticationSchemes.Api })
            .AllowAnonymous();
        group.MapGet("forums.ics", ForumsCalendarAsync);
        group.MapGet("forums/{contentItemId}.ics", ForumCalendarAsync);
        group.MapGet("partner-cities.geojson", PartnerCitiesAsync);
        group.MapGet("jsonld/{contentItemId}", JsonLdAsync);
        group.MapGet("contact-points/{contentItemId}/opening-status", OpeningStatusAsync);
        return routes;
    }

    private static async Task<IResult> ForumsCalendarAsync(
        string? culture, ForumCalendar calendar, OrchardViewSite site, IAuthorizationService authorization, HttpContext http)
    {
        if (await DenyAsync(authorization, http.User, "Forum") is { } denied)
        {
            return denied;
        }
        var (resolved, invalid) = await site.CultureAsync(culture);
        if (invalid is not null)
        {
            return invalid;
        }
        var text = await calendar.ForCultureAsync(resolved!, await site.GetAsync(http.Request));
        return TypedResults.Content(text, ForumCalendar.ContentType);
    }

    private static async Task<IResult> ForumCalendarAsync(
        string contentItemId, ForumCalendar calendar, OrchardViewSite site, IContentManager contents, IAuthorizationService authorization, HttpContext http)
    {
        var (forum, problem) = await LoadAsync(contentItemId, contents, authorization, http.User, "Forum");
        if (problem is not null)
        {
            return problem;
        }
        var text = await calendar.ForForumAsync(OrchardContentItems.ToTwinning(forum!), await site.GetAsync(http.Request));
        return TypedResults.Content(text, ForumCalendar.ContentType);
    }

    private static async Task<IResult> PartnerCitiesAsync(
        string? culture, Twinning.Core.Content.IPublishedContent published, OrchardViewSite site, IAuthorizationService authorization, HttpContext http)
    {
        if (await DenyAsync(authorization, http.User, "PartnerCity") is { } denied)
        {
            return denied;
        }
        var (resolved, invalid) = await site.CultureAsync(culture);
        if (invalid is not null)
        {
            return invalid;
        }
        var cities = await published.ListPublishedAsync("PartnerCity", resolved!);
        var json = PartnerCityMap.Build(cities, (await site.GetAsync(http.Request)).Links).ToJsonString(TwinningViews.Json);
        return TypedResults.Content(json, PartnerCityMap.ContentType);
    }

    private static async Task<IResult> JsonLdAsync(
        string contentItemId, JsonLdBuilder builder, OrchardViewSite site, IContentManager contents, IAuthorizationService authorization, HttpContext http)
    {
        var (item, problem) = await LoadAsync(contentItemId, contents, authorization, http.User, contentType: null);
        if (problem is not null)
        {
            return problem;
        }
        if (!builder.Maps(item!.ContentType))
        {
            return NotFound(ViewMessages.NoJsonLd(item.ContentType, builder.Types));
        }
        var json = (await builder.BuildAsync(OrchardContentItems.ToTwinning(item), await site.GetAsync(http.Request)))
            .ToJsonString(TwinningViews.EmbeddableJson);
        return TypedResults.Content(json, JsonLdBuilder.ContentType);
    }

    private static async Task<IResult> OpeningStatusAsync(
        string contentItemId, string? at, OrchardViewSite site, IContentManager contents, IAuthorizationService authorization,
        TimeProvider time, HttpContext http)
    {
        var (instant, invalid) = OpeningHoursCalculator.RequestedInstant(at, time);
        if (invalid is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = [invalid] }, title: ViewMessages.InvalidInstantTitle);
        }
        var (contactPoint, problem) = await LoadAsync(contentItemId, contents, authorization, http.User, "ContactPoint");
        if (problem is not null)
        {
            return problem;
        }
        var calculator = new OpeningHoursCalculator(TwinningViews.Zone(await site.TimeZoneIdAsync()));
        var status = calculator.Compute(OpeningHours.Read(OrchardContentItems.ToTwinning(contactPoint!)), instant);
        return TypedResults.Content(OpeningHoursCalculator.ToJson(status).ToJsonString(TwinningViews.Json), "application/json; charset=utf-8");
    }

    /// <summary>The published item that the caller may view, or the problem to answer with. With a known type the
    /// permission is asked before loading, so a caller who may not view the type cannot probe which ids exist.</summary>
    private static async Task<(ContentItem? Item, IResult? Problem)> LoadAsync(
        string contentItemId, IContentManager contents, IAuthorizationService authorization, ClaimsPrincipal user, string? contentType)
    {
        if (await DenyAsync(authorization, user, contentType) is { } denied)
        {
            return (null, denied);
        }
        var item = await contents.GetAsync(contentItemId, VersionOptions.Published);
        if (item is null || (contentType is not null && item.ContentType != contentType))
        {
            return (null, NotFound(ViewMessages.NotPublished(contentItemId, contentType is null ? [] : [contentType])));
        }
        // Per item: Orchard's ViewOwnContent and per-type permissions are decided on the item itself.
        if (!await authorization.AuthorizeAsync(user, CommonPermissions.ViewContent, item))
        {
            return (null, Denied(user, $"Viewing '{item.ContentType}' content needs the '{CommonPermissions.ViewContent.Name}' permission."));
        }
        return (item, null);
    }

    /// <summary>Null when the caller may read the feeds and view content of <paramref name="contentType"/> (any content
    /// when null); otherwise a 401 or 403 problem naming the missing permission.</summary>
    private static async Task<ProblemHttpResult?> DenyAsync(IAuthorizationService authorization, ClaimsPrincipal user, string? contentType)
    {
        var feeds = TwinningPermissions.ViewTwinningFeeds;
        if (!await authorization.AuthorizeAsync(user, feeds, resource: null))
        {
            return Denied(user, $"The twinning feeds need the '{feeds.Name}' permission.");
        }
        // A transient item of the type carries the type to Orchard's per-type permission handler without loading anything.
        var resource = contentType is null ? null : new ContentItem { ContentType = contentType };
        return await authorization.AuthorizeAsync(user, CommonPermissions.ViewContent, resource)
            ? null
            : Denied(user, $"Viewing {(contentType is null ? "content" : $"'{contentType}' content")} needs the '{CommonPermissions.ViewContent.Name}' permission.");
    }

    /// <summary>401 for an anonymous caller (who may sign in or use an API client), 403 for a signed-in one.</summary>
    public static ProblemHttpResult Denied(ClaimsPrincipal user, string detail)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
    }

    private static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
