using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.ContentManagement.Records;
using OrchardCore.Settings;
using Twinning.Core.Rules;
using Twinning.OrchardCore.Endpoints;
using YesSql;

namespace Twinning.OrchardCore.Validation;

/// <summary>Runs Twinning's municipal rules (Twinning.Core) whenever Orchard validates a content item, from the admin
/// editor or the content API: an error stops the save and is shown next to the member it names.</summary>
public sealed class TwinningRulesHandler(IEnumerable<IContentItemRule> rules, ISiteService siteService, IServiceProvider services)
    : ContentHandlerBase
{
    public override async Task ValidatingAsync(ValidateContentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var item = OrchardContentItems.ToTwinning(context.ContentItem);
        var site = await siteService.GetSiteSettingsAsync();
        var validation = new ContentValidationContext(item, site.TimeZoneId, FindContentTypeAsync);
        await rules.RunAsync(validation);
        foreach (var error in validation.Errors)
        {
            context.Fail(error.Message, error.Field);
        }
    }

    /// <summary>The content type of an item's latest version; items saved earlier in the same request count, because
    /// YesSql flushes pending changes before it queries.</summary>
    private async Task<string?> FindContentTypeAsync(string contentItemId)
    {
        // Resolved when needed, not injected: the session's index providers include content handlers, and a handler
        // that asked for the session in its constructor could close a dependency cycle.
        var session = services.GetRequiredService<ISession>();
        var item = await session
            .Query<ContentItem, ContentItemIndex>(x => x.ContentItemId == contentItemId && x.Latest)
            .FirstOrDefaultAsync();
        return item?.ContentType;
    }
}
