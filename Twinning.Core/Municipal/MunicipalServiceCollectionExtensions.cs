using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Municipal.ContactPoints;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.Panels;
using Twinning.Core.Municipal.PartnerCities;
using Twinning.Core.Rules;

namespace Twinning.Core.Municipal;

public static class MunicipalServiceCollectionExtensions
{
    /// <summary>Registers the municipal content rules, which the host's content validator runs on every save.
    /// Every host registers the same rules this way.</summary>
    public static IServiceCollection AddTwinningMunicipal(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IContentItemRule, OpeningHoursRule>();
        services.AddSingleton<IContentItemRule, PhoneNumberRule>();
        services.AddSingleton<IContentItemRule, PanelBelongsToForumRule>();
        services.AddSingleton<IContentItemRule, ForumDatesRule>();
        services.AddSingleton<IContentItemRule, PartnershipStatusHistoryRule>();
        return services;
    }
}
