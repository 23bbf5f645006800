using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Municipal.ContactPoints;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.Galleries;
using Twinning.Core.Municipal.JsonLd;
using Twinning.Core.Municipal.Organizations;
using Twinning.Core.Municipal.Panels;
using Twinning.Core.Municipal.PartnerCities;
using Twinning.Core.Municipal.Projects;
using Twinning.Core.Rules;

namespace Twinning.Core.Municipal;

public static class MunicipalServiceCollectionExtensions
{
    /// <summary>Registers the municipal content rules, which the host's content validator runs on every save, and the
    /// JSON-LD mapper of each content type, which <see cref="JsonLdBuilder"/> looks up by type (in this order, which
    /// is also the order a 404 lists them in). Every host registers the same rules and mappers this way.</summary>
    public static IServiceCollection AddTwinningMunicipal(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IContentItemRule, OpeningHoursRule>();
        services.AddSingleton<IContentItemRule, PhoneNumberRule>();
        services.AddSingleton<IContentItemRule, PanelBelongsToForumRule>();
        services.AddSingleton<IContentItemRule, ForumDatesRule>();
        services.AddSingleton<IContentItemRule, PartnershipStatusHistoryRule>();
        services.AddSingleton<IJsonLdMapper, ForumJsonLd>();
        services.AddSingleton<IJsonLdMapper, PanelJsonLd>();
        services.AddSingleton<IJsonLdMapper, PartnerCityJsonLd>();
        services.AddSingleton<IJsonLdMapper, ContactPointJsonLd>();
        services.AddSingleton<IJsonLdMapper, GalleryJsonLd>();
        services.AddSingleton<IJsonLdMapper, OrganizationJsonLd>();
        services.AddSingleton<IJsonLdMapper, ProjectJsonLd>();
        return services;
    }
}
