using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;

namespace Twinning.Core.Municipal.Forums;

/// <summary>When a forum or one of its panels starts and ends, as the calendar and JSON-LD give it.</summary>
internal static class ForumTimes
{
    /// <summary>A forum's own dates; a panel's own times, or its forum's when it has no start of its own. A panel with a
    /// start but no end has no end (the calendar then ends it when it starts, RFC 5545 3.6.1).</summary>
    public static (DateTime? Start, DateTime? End) Of(ContentItem item, ContentItem? forum)
    {
        var forumPart = forum is null ? null : ViewContent.TypePart(forum);
        if (item.ContentType != "Panel")
        {
            return (ViewContent.Utc(forumPart, "StartDate"), ViewContent.Utc(forumPart, "EndDate"));
        }
        var part = ViewContent.TypePart(item);
        var ownStart = ViewContent.Utc(part, "StartTime");
        var ownEnd = ViewContent.Utc(part, "EndTime");
        return ownStart is null
            ? (ViewContent.Utc(forumPart, "StartDate"), ownEnd ?? ViewContent.Utc(forumPart, "EndDate"))
            : (ownStart, ownEnd);
    }
}
