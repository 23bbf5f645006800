using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.ContactPoints;

namespace Twinning.Core.Municipal.JsonLd;

/// <summary>schema.org JSON-LD for the twinning content types (see docs/twinning-views.md for the mapping).
/// Related items are read published only; a reference to an unpublished or removed item is left out.</summary>
public sealed class JsonLdBuilder(IPublishedContent content)
{
    public const string ContentType = "application/ld+json";
    private const string Schema = "https://schema.org/";

    /// <summary>The content types that have a JSON-LD view.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "Forum", "Panel", "PartnerCity", "ContactPoint", "Gallery", "Organization", "Project",
    };

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

    /// <summary>How an Organization's <c>OrganizationType</c> becomes its schema.org type.</summary>
    public static readonly IReadOnlyDictionary<string, string> OrganizationTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ngo"] = "NGO",
        ["city-office"] = "GovernmentOrganization",
        ["local-government"] = "GovernmentOrganization",
        ["government-office"] = "GovernmentOrganization",
        ["ministry"] = "GovernmentOrganization",
        ["consulate"] = "GovernmentOrganization",
        ["university"] = "CollegeOrUniversity",
        ["media"] = "NewsMediaOrganization",
        ["business"] = "Corporation",
    };

    public async Task<JsonObject> BuildAsync(ContentItem item, ViewSite site)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(site);
        var context = new Context(site.BaseUrl, site.Zone);
        var node = item.ContentType switch
        {
            "Forum" => await ForumAsync(item, context),
            "Panel" => await PanelAsync(item, context),
            "PartnerCity" => City(item, context),
            "ContactPoint" => ContactPoint(item, context),
            "Gallery" => Gallery(item, context),
            "Organization" => await OrganizationAsync(item, context),
            "Project" => await ProjectAsync(item, context),
            _ => throw new ArgumentException($"There is no JSON-LD for '{item.ContentType}'.", nameof(item)),
        };
        var document = new JsonObject { ["@context"] = "https://schema.org" };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            document[key] = value;
        }
        return document;
    }

    /// <summary>The JSON-LD address of an item: this endpoint, so every <c>@id</c> can be fetched.</summary>
    public static string Id(string baseUrl, string contentItemId) => $"{baseUrl}/api/twinning/jsonld/{contentItemId}";

    private async Task<JsonObject> ForumAsync(ContentItem forum, Context context)
    {
        var part = ViewContent.TypePart(forum);
        var node = Thing("Event", forum, context);
        AddEventCore(node, forum, forum, context);
        foreach (var role in ViewContent.Bag(forum, "Organizations", "OrganizationRole"))
        {
            if (ViewContent.Text(role, "Role") is not { } roleName || !RoleProperties.TryGetValue(roleName, out var property))
            {
                continue;
            }
            foreach (var id in ViewContent.Ids(role, "Organization"))
            {
                if (await PublishedAsync(id, "Organization") is { } organization)
                {
                    Append(node, property, OrganizationReference(organization, context));
                }
            }
        }
        var subEvents = new JsonArray();
        foreach (var panel in await content.ListPublishedChildrenAsync(forum.ContentItemId))
        {
            if (panel.ContentType == "Panel")
            {
                var sub = Reference("Event", panel, context);
                AddTimes(sub, panel, forum, context);
                subEvents.Add(sub);
            }
        }
        foreach (var id in ViewContent.Ids(part, "SideEvents"))
        {
            if (await PublishedAsync(id, "Forum") is { } sideEvent)
            {
                var sub = Reference("Event", sideEvent, context);
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
            if (await PublishedAsync(id, "Project") is { } project)
            {
                node["isPartOf"] = Reference("Project", project, context);
            }
        }
        return node;
    }

    private async Task<JsonObject> PanelAsync(ContentItem panel, Context context)
    {
        var forumId = panel.Part("ContainedPart")?["ListContentItemId"]?.GetValue<string>();
        var forum = forumId is null ? null : await PublishedAsync(forumId, "Forum");
        var node = Thing("Event", panel, context);
        AddEventCore(node, panel, forum, context);
        if (forum is not null)
        {
            node["superEvent"] = Reference("Event", forum, context);
            if (node["url"] is null && TwinningViews.PageUrl(context.BaseUrl, forum) is { } url)
            {
                node["url"] = url;
            }
        }
        return node;
    }

    private static void AddEventCore(JsonObject node, ContentItem item, ContentItem? forum, Context context)
    {
        AddTimes(node, item, forum, context);
        node["eventStatus"] = Schema + "EventScheduled";
        node["eventAttendanceMode"] = Schema + "OfflineEventAttendanceMode";
        var forumPart = forum is null ? null : ViewContent.TypePart(forum);
        var room = item.ContentType == "Panel" ? ViewContent.Text(ViewContent.TypePart(item), "Room") : null;
        var venue = ViewContent.Text(forumPart, "Venue");
        var address = ViewContent.Text(forumPart, "VenueAddress");
        var geo = ViewContent.Geo(forumPart, "Location");
        if (venue is not null || address is not null || geo is not null)
        {
            var place = new JsonObject { ["@type"] = "Place" };
            Set(place, "name", room is null ? venue : venue is null ? room : $"{room}, {venue}");
            Set(place, "address", address);
            if (geo is { } point)
            {
                place["geo"] = Geo(point);
            }
            node["location"] = place;
        }
        Set(node, "inLanguage", ViewContent.Culture(item));
    }

    /// <summary>startDate/endDate in the site's zone with its offset; a panel without its own times takes the forum's.</summary>
    private static void AddTimes(JsonObject node, ContentItem item, ContentItem? forum, Context context)
    {
        var forumPart = forum is null ? null : ViewContent.TypePart(forum);
        DateTime? start, end;
        if (item.ContentType == "Panel")
        {
            var part = ViewContent.TypePart(item);
            var ownStart = ViewContent.Utc(part, "StartTime");
            start = ownStart ?? ViewContent.Utc(forumPart, "StartDate");
            end = ownStart is null ? ViewContent.Utc(part, "EndTime") ?? ViewContent.Utc(forumPart, "EndDate") : ViewContent.Utc(part, "EndTime");
        }
        else
        {
            start = ViewContent.Utc(forumPart, "StartDate");
            end = ViewContent.Utc(forumPart, "EndDate");
        }
        Set(node, "startDate", start is { } s ? context.Local(s) : null);
        Set(node, "endDate", end is { } e ? context.Local(e) : null);
    }

    private static JsonObject City(ContentItem city, Context context)
    {
        var part = ViewContent.TypePart(city);
        var node = Thing("City", city, context);
        var names = new List<string>();
        if (ViewContent.Text(part, "Endonym") is { } endonym)
        {
            names.Add(endonym);
        }
        names.AddRange(ViewContent.Values(part, "AlternateNames"));
        names = names.Where(n => n != city.DisplayText).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            node["alternateName"] = Strings(names);
        }
        if (ViewContent.Geo(part, "Location") is { } point)
        {
            node["geo"] = Geo(point);
        }
        if (ViewContent.Text(part, "Country") is { } country)
        {
            node["containedInPlace"] = new JsonObject { ["@type"] = "Country", ["identifier"] = country };
        }
        var sameAs = new List<string>();
        if (ViewContent.Text(part, "WikidataId") is { } wikidata)
        {
            sameAs.Add($"https://www.wikidata.org/wiki/{Uri.EscapeDataString(wikidata)}");
        }
        if (ViewContent.LinkUrl(part, "OfficialWebsite") is { } website)
        {
            sameAs.Add(website);
        }
        if (sameAs.Count > 0)
        {
            node["sameAs"] = Strings(sameAs);
        }
        return node;
    }

    private static JsonObject ContactPoint(ContentItem contactPoint, Context context)
    {
        var part = ViewContent.TypePart(contactPoint);
        var node = Thing("ContactPoint", contactPoint, context);
        Set(node, "contactType", ViewContent.Text(part, "Kind"));
        var phones = ViewContent.Bag(contactPoint, "Phones", "PhoneNumber").Select(p => ViewContent.Text(p, "Number")).OfType<string>().ToList();
        if (phones.Count > 0)
        {
            node["telephone"] = Strings(phones);
        }
        Set(node, "email", ViewContent.Text(part, "Email"));
        Set(node, "url", ViewContent.LinkUrl(part, "Website"));
        var languages = ViewContent.Values(part, "AvailableLanguages");
        if (languages.Count > 0)
        {
            node["availableLanguage"] = Strings(languages);
        }
        Set(node, "areaServed", ViewContent.Text(part, "Locality"));
        var hours = new JsonArray();
        foreach (var range in OpeningHours.Read(contactPoint))
        {
            hours.Add(new JsonObject
            {
                ["@type"] = "OpeningHoursSpecification",
                ["dayOfWeek"] = Schema + range.Day,
                ["opens"] = range.Opens.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                ["closes"] = range.Closes.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            });
        }
        if (hours.Count > 0)
        {
            node["hoursAvailable"] = hours;
        }
        return node;
    }

    private static JsonObject Gallery(ContentItem gallery, Context context)
    {
        var part = ViewContent.TypePart(gallery);
        var node = Thing("ImageGallery", gallery, context);
        var defaultCredit = ViewContent.Text(part, "DefaultCredit");
        var defaultLicence = ViewContent.Text(part, "DefaultLicence");
        var media = new JsonArray();
        foreach (var photo in ViewContent.Bag(gallery, "Photos", "GalleryPhoto"))
        {
            foreach (var (path, text) in ViewContent.Media(photo, "Image"))
            {
                var image = new JsonObject
                {
                    ["@type"] = "ImageObject",
                    ["contentUrl"] = MediaUrl(context, path),
                };
                Set(image, "caption", ViewContent.Text(photo, "Caption"));
                Set(image, "description", text);
                Set(image, "creditText", ViewContent.Text(photo, "Credit") ?? defaultCredit);
                Set(image, "license", License(ViewContent.Text(photo, "Licence") ?? defaultLicence));
                media.Add(image);
            }
        }
        if (media.Count > 0)
        {
            node["associatedMedia"] = media;
        }
        Set(node, "inLanguage", ViewContent.Culture(gallery));
        return node;
    }

    private async Task<JsonObject> OrganizationAsync(ContentItem organization, Context context)
    {
        var part = ViewContent.TypePart(organization);
        var node = Thing(OrganizationType(organization), organization, context);
        if (ViewContent.LinkUrl(part, "Website") is { } website)
        {
            node["sameAs"] = website;
        }
        if (ViewContent.Text(part, "Country") is { } country)
        {
            node["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressCountry"] = country };
        }
        foreach (var (path, _) in ViewContent.Media(part, "Logo").Take(1))
        {
            node["logo"] = MediaUrl(context, path);
        }
        foreach (var id in ViewContent.Ids(part, "Parent"))
        {
            if (await PublishedAsync(id, "Organization") is { } parent)
            {
                node["parentOrganization"] = OrganizationReference(parent, context);
            }
        }
        return node;
    }

    private async Task<JsonObject> ProjectAsync(ContentItem project, Context context)
    {
        var part = ViewContent.TypePart(project);
        var node = Thing("Project", project, context);
        foreach (var id in ViewContent.Ids(part, "Funder"))
        {
            if (await PublishedAsync(id, "Organization") is { } funder)
            {
                node["funder"] = OrganizationReference(funder, context);
            }
        }
        Set(node, "foundingDate", ViewContent.Date(part, "StartDate")?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(node, "dissolutionDate", ViewContent.Date(part, "EndDate")?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (ViewContent.Number(part, "GrantAmount") is { } amount)
        {
            var grant = new JsonObject
            {
                ["@type"] = "MonetaryGrant",
                ["amount"] = new JsonObject { ["@type"] = "MonetaryAmount", ["value"] = amount },
            };
            Set((JsonObject)grant["amount"]!, "currency", ViewContent.Text(part, "Currency"));
            Set(grant, "name", ViewContent.Text(part, "Programme"));
            Set(grant, "description", ViewContent.Text(part, "FundingStatement"));
            node["funding"] = grant;
        }
        return node;
    }

    private async Task<ContentItem?> PublishedAsync(string id, string type)
        => await content.GetPublishedAsync(id) is { } item && item.ContentType == type ? item : null;

    private static string OrganizationType(ContentItem organization)
        => ViewContent.Text(ViewContent.TypePart(organization), "OrganizationType") is { } type && OrganizationTypes.TryGetValue(type, out var schemaType)
            ? schemaType
            : "Organization";

    private static JsonObject OrganizationReference(ContentItem organization, Context context)
        => Reference(OrganizationType(organization), organization, context);

    /// <summary>A full node: type, @id, name, description (plain text of the body) and page URL.</summary>
    private static JsonObject Thing(string type, ContentItem item, Context context)
    {
        var node = Reference(type, item, context);
        var description = HtmlText.ToPlainText(ViewContent.Html(item));
        Set(node, "description", description.Length > 0 ? description : ViewContent.Text(ViewContent.TypePart(item), "Subtitle"));
        return node;
    }

    /// <summary>A short node for a related item: type, @id, name and page URL.</summary>
    private static JsonObject Reference(string type, ContentItem item, Context context)
    {
        var node = new JsonObject
        {
            ["@type"] = type,
            ["@id"] = Id(context.BaseUrl, item.ContentItemId),
            ["name"] = item.DisplayText,
        };
        Set(node, "url", TwinningViews.PageUrl(context.BaseUrl, item));
        return node;
    }

    /// <summary>A media library file under /media, each path segment escaped.</summary>
    private static string MediaUrl(Context context, string path)
        => $"{context.BaseUrl}/media/{string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString))}";

    private static JsonObject Geo(GeoPoint point) => new()
    {
        ["@type"] = "GeoCoordinates",
        ["latitude"] = point.Latitude,
        ["longitude"] = point.Longitude,
    };

    /// <summary>An SPDX licence id (<c>CC0-1.0</c>) as its SPDX page; a URL as it is.</summary>
    private static string? License(string? licence)
        => licence is null ? null
            : licence.Contains("://", StringComparison.Ordinal) ? licence
            : $"https://spdx.org/licenses/{Uri.EscapeDataString(licence)}.html";

    private static void Append(JsonObject node, string property, JsonObject value)
    {
        if (node[property] is not JsonArray values)
        {
            values = [];
            node[property] = values;
        }
        values.Add(value);
    }

    private static void Set(JsonObject node, string property, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            node[property] = value;
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private sealed record Context(string BaseUrl, DateTimeZone Zone)
    {
        public string Local(DateTime utc)
            => OpeningHoursCalculator.Iso(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone));
    }
}
