using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.JsonLd;
using Twinning.Core.Municipal.Organizations;

namespace Twinning.Core.Municipal.Forums;

/// <summary>A forum as a schema.org Event: its place, its organisations by role, its panels and side events as
/// sub-events, and the project it belongs to.</summary>
internal sealed class ForumJsonLd : IJsonLdMapper
{
    /// <summary>How a Forum's <c>Organizations</c> roles become schema.org Event properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["organizer"] = "organizer",
        ["co-organizer"] = "organizer",
        ["host"] = "organizer",
        ["sponsor"] = "sponsor",
        ["honorary-patron"] = "sponsor",
        ["media-patron"] = "sponsor",
        ["funder"] = "funder",
        ["partner"] = "contributor",
    };

    public string ContentType => "Forum";

    public async Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context)
    {
        var part = ViewContent.TypePart(item);
        var node = context.Thing("Event", item);
        AddEvent(node, item, item, context);
        foreach (var role in ViewContent.Bag(item, "Organizations", "OrganizationRole"))
        {
            if (ViewContent.Text(role, "Role") is not { } roleName || !RoleProperties.TryGetValue(roleName, out var property))
            {
                continue;
            }
            foreach (var id in ViewContent.Ids(role, "Organization"))
            {
                if (await context.PublishedAsync(id, "Organization") is { } organization)
                {
                    JsonLdDocument.Append(node, property, OrganizationJsonLd.Reference(organization, context));
                }
            }
        }
        var subEvents = new JsonArray();
        foreach (var panel in await context.Content.ListPublishedChildrenAsync(item.ContentItemId))
        {
            if (panel.ContentType == "Panel")
            {
                var sub = context.Reference("Event", panel);
                AddTimes(sub, panel, item, context);
                subEvents.Add(sub);
            }
        }
        foreach (var id in ViewContent.Ids(part, "SideEvents"))
        {
            if (await context.PublishedAsync(id, "Forum") is { } sideEvent)
            {
                var sub = context.Reference("Event", sideEvent);
                AddTimes(sub, sideEvent, sideEvent, context);
                subEvents.Add(sub);
            }
        }
        if (subEvents.Count > 0)
        {
            node["subEvent"] = subEvents;
        }
        foreach (var id in ViewContent.Ids(part, "Project"))
        {
            if (await context.PublishedAsync(id, "Project") is { } project)
            {
                node["isPartOf"] = context.Reference("Project", project);
            }
        }
        return node;
    }

    /// <summary>What a forum and each of its panels say as an Event: times, status, attendance mode, the forum's place
    /// (with a panel's room first) and language.</summary>
    internal static void AddEvent(JsonObject node, ContentItem item, ContentItem? forum, JsonLdContext context)
    {
        AddTimes(node, item, forum, context);
        node["eventStatus"] = JsonLdDocument.Schema + "EventScheduled";
        node["eventAttendanceMode"] = JsonLdDocument.Schema + "OfflineEventAttendanceMode";
        var forumPart = forum is null ? null : ViewContent.TypePart(forum);
        var room = item.ContentType == "Panel" ? ViewContent.Text(ViewContent.TypePart(item), "Room") : null;
        var venue = ViewContent.Text(forumPart, "Venue");
        var address = ViewContent.Text(forumPart, "VenueAddress");
        var geo = ViewContent.Geo(forumPart, "Location");
        if (venue is not null || address is not null || geo is not null)
        {
            var place = new JsonObject { ["@type"] = "Place" };
            JsonLdDocument.Set(place, "name", room is null ? venue : venue is null ? room : $"{room}, {venue}");
            JsonLdDocument.Set(place, "address", address);
            if (geo is { } point)
            {
                place["geo"] = JsonLdDocument.Geo(point);
            }
            node["location"] = place;
        }
        JsonLdDocument.Set(node, "inLanguage", ViewContent.Culture(item));
    }

    /// <summary>startDate/endDate in the site's zone with its offset; an all-day event's first and last days as dates
    /// (schema.org Date, <c>2017-04-27</c>).</summary>
    private static void AddTimes(JsonObject node, ContentItem item, ContentItem? forum, JsonLdContext context)
    {
        var times = ForumTimes.Of(item, forum, context.Zone);
        if (times is { FirstDay: { } first, LastDay: { } last })
        {
            node["startDate"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            node["endDate"] = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return;
        }
        JsonLdDocument.Set(node, "startDate", times.Start is { } s ? context.Local(s) : null);
        JsonLdDocument.Set(node, "endDate", times.End is { } e ? context.Local(e) : null);
    }
}
