using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Twinning.Core.Municipal;
using Twinning.Module.Features.Admin;
using Twinning.Module.Features.Api;
using Twinning.Module.Features.ApiReference;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.GraphQL;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.MunicipalApi;
using Twinning.Module.Features.Webhooks;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Health;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Recipes;
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
        services.AddOptions<TwinningOptions>()
            .BindConfiguration(TwinningOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.DataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataPath)))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingletonTimeProvider();

        services
            // First: hosted services start in order, and the schema must exist before others (the data protection
            // key ring, webhook senders) read the database.
            .AddTwinningSetup()
            .AddTwinningStorage()
            .AddTwinningAudit()
            .AddTwinningHosting()
            .AddTwinningTelemetry()
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
            .AddTwinningApiReference()
            .AddTwinningRequestInput();

        if (ApiDocumentGeneration.IsRunning)
        {
            // The build only describes the endpoints: no setup, no background senders, no database.
            services.RemoveAll<IHostedService>();
        }
        return services;
    }

    /// <summary>Twinning's middleware, in order: forwarded headers and HTTPS, media files, the admin's stylesheet and language, then authentication, CORS and authorization.</summary>
    public static IApplicationBuilder UseTwinning(this IApplicationBuilder app)
    {
        app.UseTwinningHosting();
        app.UseTwinningTelemetry();
        app.UseTwinningMedia();
        app.UseTwinningAdmin();
        app.UseTwinningAuthentication();
        // After authentication: the ETag depends on who asks.
        app.UseMiddleware<HttpCachingMiddleware>();
        app.UseTwinningQueries();
        app.UseTwinningGraphQL();
        app.UseTwinningWebhooks();
        return app;
    }

    /// <summary>Twinning's endpoints: the content API, the admin pages, GraphQL, the twinning views, webhooks and the health probes.</summary>
    public static IEndpointRouteBuilder MapTwinning(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("").AnswerHeadWhereGet();
        endpoints.MapContentApi();
        endpoints.MapSiteApi();
        endpoints.MapTwinningMedia();
        endpoints.MapTwinningAuthentication();
        endpoints.MapTwinningAdmin();
        endpoints.MapTwinningQueries();
        endpoints.MapTwinningGraphQL();
        endpoints.MapTwinningViews();
        endpoints.MapTwinningWebhooks();
        endpoints.MapTwinningApiReference();
        endpoints.MapTwinningHealth();
        return routes;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
