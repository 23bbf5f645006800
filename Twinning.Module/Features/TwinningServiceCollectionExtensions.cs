using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Municipal;
using Twinning.Module.Features.Admin;
using Twinning.Module.Features.ApiReference;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.ContentApi;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.GraphQL;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.MunicipalApi;
using Twinning.Module.Features.Webhooks;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Health;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Presence;
using Twinning.Module.Features.Preview;
using Twinning.Module.Features.Recipes;
using Twinning.Module.Features.Reviews;
using Twinning.Module.Features.Scheduling;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Setup;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Telemetry;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features;

/// <summary>Registration of each Twinning feature; <see cref="AddTwinning"/> composes them all.</summary>
public static class TwinningServiceCollectionExtensions
{
    /// <summary>Everything a host needs to run Twinning: storage, content engine, rules, recipes, media, security, setup.</summary>
    public static IServiceCollection AddTwinning(this IServiceCollection services)
    {
        return services
            .AddTwinningOptions()
            // First of the features: hosted services start in order, and the schema must exist before others (the data
            // protection key ring, webhook senders) read the database.
            .AddTwinningSetup()
            .AddTwinningStorage()
            .AddTwinningAudit()
            .AddTwinningHealth()
            .AddTwinningCaching()
            .AddTwinningHosting()
            .AddTwinningTelemetry()
            .AddTwinningSite()
            .AddTwinningContentDefinitions()
            .AddTwinningContentFields()
            .AddTwinningContent()
            .AddTwinningMunicipal()
            .AddTwinningRecipes()
            .AddTwinningMedia()
            .AddTwinningSecurity()
            .AddTwinningAuthentication()
            .AddTwinningAdmin()
            .AddTwinningQueries()
            .AddTwinningGraphQL()
            .AddTwinningViews()
            .AddTwinningWebhooks()
            .AddTwinningScheduling()
            .AddTwinningReviews()
            .AddTwinningPresence()
            .AddTwinningPreview()
            .AddTwinningApiReference()
            .AddTwinningContentApi()
            .AddTwinningRequestInput()
            .WithoutHostedServicesWhileDescribingTheApi();
    }

    /// <summary>Twinning's middleware, in order: forwarded headers and HTTPS, media files, the admin's stylesheet and language, then authentication, CORS and authorization.</summary>
    public static IApplicationBuilder UseTwinning(this IApplicationBuilder app)
    {
        app.UseTwinningHosting();
        app.UseTwinningTelemetry();
        app.UseTwinningRequestInput();
        app.UseTwinningMedia();
        app.UseTwinningAdmin();
        app.UseTwinningAuthentication();
        // After authentication: the ETag depends on who asks.
        app.UseTwinningCaching();
        return app;
    }

    /// <summary>Twinning's endpoints: the content API, the admin pages, GraphQL, the twinning views, webhooks and the health probes.</summary>
    public static IEndpointRouteBuilder MapTwinning(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("").AnswerHeadWhereGet();
        endpoints.MapTwinningContentApi();
        endpoints.MapSiteApi();
        endpoints.MapTwinningMedia();
        endpoints.MapTwinningAuthentication();
        endpoints.MapTwinningAdmin();
        endpoints.MapTwinningGraphQL();
        endpoints.MapTwinningViews();
        endpoints.MapTwinningWebhooks();
        endpoints.MapTwinningApiReference();
        endpoints.MapTwinningHealth();
        return routes;
    }
}
