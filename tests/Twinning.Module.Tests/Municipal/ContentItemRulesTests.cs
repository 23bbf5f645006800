using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Core.Municipal;
using Twinning.Core.Rules;

using static Twinning.Module.Tests.Municipal.TwinningItems;

namespace Twinning.Module.Tests.Municipal;

/// <summary>ContentItemRules.RunAsync is how every host runs the municipal rules on a save: Twinning's content validator
/// and the Orchard module's content handler, which hands over the Orchard item's own JSON object.</summary>
public sealed class ContentItemRulesTests
{
    private static IEnumerable<IContentItemRule> Rules()
        => new ServiceCollection().AddTwinningMunicipal().BuildServiceProvider().GetServices<IContentItemRule>();

    private static async Task<ContentValidationContext> RunAsync(ContentItem item)
    {
        var context = new ContentValidationContext(item, "Europe/Warsaw", id => Task.FromResult<string?>(id == ForumId ? "Forum" : null));
        await Rules().RunAsync(context);
        return context;
    }

    [Fact]
    public async Task ARuleNormalisesTheJsonObjectTheHostHandedOver()
    {
        // As the Orchard handler does: the shared item wraps the host's own JSON, it is not a copy.
        var hostJson = ContactPoint(BialystokHours(), [Phone("85 123 45 67", "landline")]).Data;
        var item = new ContentItem { ContentItemId = "4contact000000000000000000", ContentType = "ContactPoint", Data = hostJson };

        var context = await RunAsync(item);

        Assert.True(context.IsValid);
        Assert.Equal("+48851234567", (string?)hostJson["Phones"]!["ContentItems"]![0]!["PhoneNumber"]!["Number"]!["Text"]);
    }

    [Fact]
    public async Task EveryRuleOfTheTypeReportsAndNoOtherRuleRuns()
    {
        var item = ContactPoint([Hours("Monday", "08:00:00", "12:00:00"), Hours("Monday", "11:00:00", "15:00:00")], [Phone("12")]);

        var context = await RunAsync(item);

        Assert.Equal(
            ["OpeningHours.ContentItems[1].OpeningHoursSpecification.Opens.Value", "Phones.ContentItems[0].PhoneNumber.Number.Text"],
            context.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
