using System.Text.Json.Nodes;
using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.ContactPoints;

namespace Twinning.Core.Municipal.JsonLd;

/// <summary>What every mapper needs while it writes one document: the site's address and time zone, published related
/// items, and the nodes every type starts from.</summary>
public sealed class JsonLdContext(IPublishedContent content, ViewSite site)
{
    public IPublishedContent Content { get; } = content;

    public string BaseUrl { get; } = site.BaseUrl;

    /// <summary>The site's time zone, in which events are dated.</summary>
    public DateTimeZone Zone { get; } = site.Zone;

    /// <summary>The item's page, where the site's page links point.</summary>
    public string? PageUrl(ContentItem item) => site.Links.PageUrl(item);

    /// <summary>A related item when it is published and of <paramref name="type"/>; an unpublished, removed or
    /// mistyped reference is left out.</summary>
    public async Task<ContentItem?> PublishedAsync(string id, string type)
        => await Content.GetPublishedAsync(id) is { } item && item.ContentType == type ? item : null;

    /// <summary>A UTC time in the site's zone, with its offset.</summary>
    public string Local(DateTime utc)
        => OpeningHoursCalculator.Iso(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(site.Zone));

    /// <summary>A full node: type, @id, name, description (plain text of the body) and page URL.</summary>
    public JsonObject Thing(string type, ContentItem item)
    {
        var node = Reference(type, item);
        var description = HtmlText.ToPlainText(ViewContent.Html(item));
        JsonLdDocument.Set(node, "description", description.Length > 0 ? description : ViewContent.Text(ViewContent.TypePart(item), "Subtitle"));
        return node;
    }

    /// <summary>A short node for a related item: type, @id, name and page URL.</summary>
    public JsonObject Reference(string type, ContentItem item)
    {
        var node = new JsonObject
        {
            ["@type"] = type,
            ["@id"] = JsonLdDocument.Id(BaseUrl, item.ContentItemId),
            ["name"] = item.DisplayText,
        };
        JsonLdDocument.Set(node, "url", PageUrl(item));
        return node;
    }

    /// <summary>A media library file under /media, each path segment escaped.</summary>
    public string MediaUrl(string path)
        => $"{BaseUrl}/media/{PageLinks.EscapePath(path)}";
}
