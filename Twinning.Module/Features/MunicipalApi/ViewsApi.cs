using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twinning.Core.Municipal;
using Twinning.Core.Municipal.ContactPoints;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.JsonLd;
using Twinning.Core.Municipal.PartnerCities;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.MunicipalApi;

/// <summary>Read-only views of published twinning content in standard formats, under <c>/api/twinning</c>.</summary>
public static class ViewsApi
{
    public static RouteGroupBuilder MapViewsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/twinning").WithTags("Twinning views").CacheBySiteState();
        group.MapGet("/forums.ics", GetForumsCalendarAsync)
            .WithName("TwinningForumsCalendar")
            .WithSummary("Every published forum of a culture, with its panels, as an iCalendar (RFC 5545) feed.")
            .Produces<string>(StatusCodes.Status200OK, ForumCalendar.ContentType);
        group.MapGet("/forums/{contentItemId}.ics", GetForumCalendarAsync)
            .WithName("TwinningForumCalendar")
            .WithSummary("One published forum, its panels and its side events as an iCalendar (RFC 5545) file.")
            .Produces<string>(StatusCodes.Status200OK, ForumCalendar.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/partner-cities.geojson", GetPartnerCitiesAsync)
            .WithName("TwinningPartnerCitiesGeoJson")
            .WithSummary("The published partner cities of a culture as a GeoJSON (RFC 7946) FeatureCollection of points.")
            .Produces<string>(StatusCodes.Status200OK, PartnerCityMap.ContentType);
        group.MapGet("/jsonld/{contentItemId}", GetJsonLdAsync)
            .WithName("TwinningJsonLd")
            .WithSummary("schema.org JSON-LD for a published forum, panel, partner city, contact point, gallery, organisation or project.")
            .Produces<string>(StatusCodes.Status200OK, JsonLdBuilder.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/contact-points/{contentItemId}/opening-status", GetOpeningStatusAsync)
            .WithName("TwinningOpeningStatus")
            .WithSummary("Whether a contact point is open at an instant (now by default) in the site's time zone, and when it next opens.")
            .WithMetadata(new VariesWithTime())
            .Produces<OpeningStatusAnswer>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> GetForumsCalendarAsync(
        string? culture, ForumCalendar calendar, SiteService site, IAuthorizationService permissions, HttpContext http)
    {
        if (await ViewSupport.DenyAsync(permissions, http, "Forum") is { } denied)
        {
            return denied;
        }
        var (resolved, invalid) = ViewSupport.Culture(culture, await site.GetAsync());
        if (invalid is not null)
        {
            return invalid;
        }
        var text = await calendar.ForCultureAsync(resolved!, await ViewSupport.SiteAsync(site, http));
        return TypedResults.Content(text, ForumCalendar.ContentType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetForumCalendarAsync(
        string contentItemId, ForumCalendar calendar, ContentStore store, SiteService site, IAuthorizationService permissions, HttpContext http)
    {
        var (forum, problem) = await ViewSupport.LoadAsync(contentItemId, store, permissions, http, "Forum");
        if (problem is not null)
        {
            return problem;
        }
        var text = await calendar.ForForumAsync(forum!, await ViewSupport.SiteAsync(site, http));
        return TypedResults.Content(text, ForumCalendar.ContentType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> GetPartnerCitiesAsync(
        string? culture, ContentStore store, SiteService site, IAuthorizationService permissions, HttpContext http)
    {
        if (await ViewSupport.DenyAsync(permissions, http, "PartnerCity") is { } denied)
        {
            return denied;
        }
        var (resolved, invalid) = ViewSupport.Culture(culture, await site.GetAsync());
        if (invalid is not null)
        {
            return invalid;
        }
        var cities = await store.ListAsync("PartnerCity", VersionOptions.Published, resolved);
        var json = PartnerCityMap.Build(cities, PublicUrls.Links(http)).ToJsonString(TwinningViews.Json);
        return TypedResults.Content(json, PartnerCityMap.ContentType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetJsonLdAsync(
        string contentItemId, JsonLdBuilder builder, ContentStore store, SiteService site, IAuthorizationService permissions, HttpContext http)
    {
        var (item, problem) = await ViewSupport.LoadAsync(contentItemId, store, permissions, http);
        if (problem is not null)
        {
            return problem;
        }
        if (!builder.Maps(item!.ContentType))
        {
            return ViewSupport.NotFound(ViewMessages.NoJsonLd(item.ContentType, builder.Types));
        }
        var json = (await builder.BuildAsync(item, await ViewSupport.SiteAsync(site, http))).ToJsonString(TwinningViews.EmbeddableJson);
        return TypedResults.Content(json, JsonLdBuilder.ContentType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> GetOpeningStatusAsync(
        string contentItemId, string? at, ContentStore store, SiteService site, IAuthorizationService permissions, TimeProvider time, HttpContext http)
    {
        var (instant, invalid) = OpeningHoursCalculator.RequestedInstant(at, time);
        if (invalid is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = [invalid] }, title: ViewMessages.InvalidInstantTitle);
        }
        var (contactPoint, problem) = await ViewSupport.LoadAsync(contentItemId, store, permissions, http, "ContactPoint");
        if (problem is not null)
        {
            return problem;
        }
        var calculator = new OpeningHoursCalculator(TwinningViews.Zone((await site.GetAsync()).TimeZoneId));
        var status = calculator.Compute(OpeningHours.Read(contactPoint!), instant);
        return TypedResults.Content(OpeningHoursCalculator.ToJson(status).ToJsonString(TwinningViews.Json), "application/json; charset=utf-8");
    }
}

/// <summary>The answer of the opening status, as the OpenAPI document describes it: times are ISO 8601 with the
/// zone's offset, <c>closesAt</c> only while open, <c>nextOpening</c> null when the contact point never opens again.</summary>
public sealed record OpeningStatusAnswer(bool Open, string TimeZone, string LocalTime, string? ClosesAt, NextOpeningAnswer? NextOpening);

/// <summary>The next opening: the day's English name, the local time it opens (HH:mm) and the instant.</summary>
public sealed record NextOpeningAnswer(string Day, string Opens, string At);
