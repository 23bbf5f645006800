using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.JsonLd;

namespace Twinning.Core.Municipal.Organizations;

/// <summary>An organisation as the schema.org type its <c>OrganizationType</c> names: website, country, logo and
/// parent organisation.</summary>
internal sealed class OrganizationJsonLd : IJsonLdMapper
{
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

    public string ContentType => "Organization";

    public async Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context)
    {
        var part = ViewContent.TypePart(item);
        var node = context.Thing(SchemaType(item), item);
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
            node["logo"] = context.MediaUrl(path);
        }
        foreach (var id in ViewContent.Ids(part, "Parent"))
        {
            if (await context.PublishedAsync(id, "Organization") is { } parent)
            {
                node["parentOrganization"] = Reference(parent, context);
            }
        }
        return node;
    }

    /// <summary>A short node for an organisation another item names (organiser, funder, parent), typed as it is.</summary>
    public static JsonObject Reference(ContentItem organization, JsonLdContext context)
        => context.Reference(SchemaType(organization), organization);

    private static string SchemaType(ContentItem organization)
        => ViewContent.Text(ViewContent.TypePart(organization), "OrganizationType") is { } type && OrganizationTypes.TryGetValue(type, out var schemaType)
            ? schemaType
            : "Organization";
}
