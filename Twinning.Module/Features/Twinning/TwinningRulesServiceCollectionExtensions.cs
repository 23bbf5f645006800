using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Twinning;

public static class TwinningRulesServiceCollectionExtensions
{
    /// <summary>Registers the Twinning content rules, which <see cref="ContentValidator"/> runs on every save.</summary>
    public static IServiceCollection AddTwinningRules(this IServiceCollection services)
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
