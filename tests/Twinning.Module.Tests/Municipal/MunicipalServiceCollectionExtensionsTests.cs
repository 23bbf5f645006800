using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Municipal;
using Twinning.Core.Municipal.ContactPoints;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.Panels;
using Twinning.Core.Municipal.PartnerCities;
using Twinning.Core.Rules;

namespace Twinning.Module.Tests.Municipal;

public sealed class MunicipalServiceCollectionExtensionsTests
{
    [Fact]
    public void EveryTwinningRuleIsRegisteredOnceAsASingleton()
    {
        var services = new ServiceCollection().AddTwinningMunicipal();

        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        using var provider = services.BuildServiceProvider();
        var rules = provider.GetServices<IContentItemRule>().Select(r => r.GetType()).ToList();
        Assert.Equal(
            [typeof(OpeningHoursRule), typeof(PhoneNumberRule), typeof(PanelBelongsToForumRule), typeof(ForumDatesRule), typeof(PartnershipStatusHistoryRule)],
            rules);
    }
}
