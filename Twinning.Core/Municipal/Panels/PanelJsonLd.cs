using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.JsonLd;

namespace Twinning.Core.Municipal.Panels;

/// <summary>A panel as a schema.org Event within its forum: the forum's place and, without times of its own, the
/// forum's times; its forum as <c>superEvent</c>, and the forum's page when it has none.</summary>
internal sealed class PanelJsonLd : IJsonLdMapper
{
    public string ContentType => "Panel";

    public async Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context)
    {
        var forumId = item.Part("ContainedPart")?["ListContentItemId"]?.GetValue<string>();
        var forum = forumId is null ? null : await context.PublishedAsync(forumId, "Forum");
        var node = context.Thing("Event", item);
        ForumJsonLd.AddEvent(node, item, forum, context);
        if (forum is not null)
        {
            node["superEvent"] = context.Reference("Event", forum);
            if (node["url"] is null && context.PageUrl(forum) is { } url)
            {
                node["url"] = url;
            }
        }
        return node;
    }
}
