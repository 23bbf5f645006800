using System.Text.Json.Nodes;
using Twinning.Core.Rules;

namespace Twinning.Core.Municipal.Panels;

/// <summary>A panel is always part of a forum: its ContainedPart points at an existing Forum item.</summary>
public sealed class PanelBelongsToForumRule : IContentItemRule
{
    private const string ForumType = "Forum";

    public bool AppliesTo(string contentType) => contentType == "Panel";

    public async ValueTask ValidateAsync(ContentValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contained = context.Item.Data["ContainedPart"] as JsonObject;
        var listType = contained?["ListContentType"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var typeText) ? typeText : null;
        if (!string.IsNullOrEmpty(listType) && listType != ForumType)
        {
            context.Fail("ContainedPart.ListContentType", "Panel.ListedElsewhere", ("type", listType));
        }

        const string idPath = "ContainedPart.ListContentItemId";
        var listId = contained?["ListContentItemId"] is JsonValue idValue && idValue.TryGetValue<string>(out var idText) ? idText.Trim() : null;
        if (string.IsNullOrEmpty(listId))
        {
            context.Fail(idPath, "Panel.ForumRequired");
            return;
        }
        var type = await context.FindContentTypeAsync(listId);
        if (type is null)
        {
            context.Fail(idPath, "Panel.NoSuchForum", ("id", listId));
        }
        else if (type != ForumType)
        {
            context.Fail(idPath, "Panel.NotAForum", ("id", listId), ("type", type));
        }
    }
}
