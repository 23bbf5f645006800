using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.JsonLd;
using Twinning.Core.Municipal.Organizations;

namespace Twinning.Core.Municipal.Projects;

/// <summary>A project as a schema.org Project: funder, dates, and its grant as a MonetaryGrant.</summary>
internal sealed class ProjectJsonLd : IJsonLdMapper
{
    public string ContentType => "Project";

    public async Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context)
    {
        var part = ViewContent.TypePart(item);
        var node = context.Thing("Project", item);
        foreach (var id in ViewContent.Ids(part, "Funder"))
        {
            if (await context.PublishedAsync(id, "Organization") is { } funder)
            {
                node["funder"] = OrganizationJsonLd.Reference(funder, context);
            }
        }
        JsonLdDocument.Set(node, "foundingDate", ViewContent.Date(part, "StartDate")?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        JsonLdDocument.Set(node, "dissolutionDate", ViewContent.Date(part, "EndDate")?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (ViewContent.Number(part, "GrantAmount") is { } amount)
        {
            var grant = new JsonObject
            {
                ["@type"] = "MonetaryGrant",
                ["amount"] = new JsonObject { ["@type"] = "MonetaryAmount", ["value"] = amount },
            };
            JsonLdDocument.Set((JsonObject)grant["amount"]!, "currency", ViewContent.Text(part, "Currency"));
            JsonLdDocument.Set(grant, "name", ViewContent.Text(part, "Programme"));
            JsonLdDocument.Set(grant, "description", ViewContent.Text(part, "FundingStatement"));
            node["funding"] = grant;
        }
        return node;
    }
}
