using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.JsonLd;

namespace Twinning.Core.Municipal.PartnerCities;

/// <summary>A partner city as a schema.org City: its other names, coordinates, country, and Wikidata and official
/// website as <c>sameAs</c>.</summary>
internal sealed class PartnerCityJsonLd : IJsonLdMapper
{
    public string ContentType => "PartnerCity";

    public Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context)
    {
        var part = ViewContent.TypePart(item);
        var node = context.Thing("City", item);
        var names = new List<string>();
        if (ViewContent.Text(part, "Endonym") is { } endonym)
        {
            names.Add(endonym);
        }
        names.AddRange(ViewContent.Values(part, "AlternateNames"));
        names = names.Where(n => n != item.DisplayText).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            node["alternateName"] = JsonLdDocument.Strings(names);
        }
        if (ViewContent.Geo(part, "Location") is { } point)
        {
            node["geo"] = JsonLdDocument.Geo(point);
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
            node["sameAs"] = JsonLdDocument.Strings(sameAs);
        }
        return Task.FromResult(node);
    }
}
