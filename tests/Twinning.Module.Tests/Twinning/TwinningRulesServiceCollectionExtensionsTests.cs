using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Twinning;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Tests.Twinning;

public sealed class TwinningRulesServiceCollectionExtensionsTests
{
    [Fact]
    public void EveryTwinningRuleIsRegisteredOnceAsASingleton()
    {
        var services = new ServiceCollection().AddTwinningRules();

        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        using var provider = services.BuildServiceProvider();
        var rules = provider.GetServices<IContentItemRule>().Select(r => r.GetType()).ToList();
        Assert.Equal(
            [typeof(OpeningHoursRule), typeof(PhoneNumberRule), typeof(PanelBelongsToForumRule), typeof(ForumDatesRule), typeof(PartnershipStatusHistoryRule)],
            rules);
    }
}
