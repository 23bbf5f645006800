using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.Data.Migration;
using OrchardCore.Modules;
using OrchardCore.Security.Permissions;
using Twinning.Core.Content;
using Twinning.Core.Municipal;
using Twinning.Core.Municipal.Forums;
using Twinning.Core.Municipal.JsonLd;
using Twinning.OrchardCore.Endpoints;
using Twinning.OrchardCore.Permissions;
using Twinning.OrchardCore.Validation;

namespace Twinning.OrchardCore;

/// <summary>What the Twinning feature adds to an Orchard Core tenant: the content model (through the migration), the
/// feeds permission, the municipal rules on every save, and the /api/twinning endpoints.</summary>
public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddDataMigration<Migrations>();
        services.AddPermissionProvider<TwinningPermissionProvider>();
        services.AddTwinningMunicipal();
        services.AddScoped<IContentHandler, TwinningRulesHandler>();
        services.AddScoped<IPublishedContent, OrchardPublishedContent>();
        services.AddScoped<OrchardViewSite>();
        services.AddScoped<ForumCalendar>();
        services.AddScoped<JsonLdBuilder>();
        // The calendar reads the clock through TimeProvider, which Orchard does not register.
        services.TryAddSingleton(TimeProvider.System);
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider serviceProvider)
        => routes.MapTwinningEndpoints();
}
