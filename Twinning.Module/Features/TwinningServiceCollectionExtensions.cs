using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Api;
using Twinning.Module.Features.ApiReference;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.GraphQL;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Views;
using Twinning.Module.Features.Webhooks;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Health;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Recipes;
using Twinning.Module.Features.Recipes.Steps;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Setup;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Twinning;
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
            .AddTwinningContent()
            .AddTwinningRules()
            .AddTwinningRecipes()
            .AddTwinningMedia()
            .AddTwinningSecurity()
            .AddTwinningAuthentication()
            .AddTwinningQueries()
            .AddTwinningGraphQL()
            .AddTwinningViews()
            .AddTwinningWebhooks()
            .AddTwinningApiReference();

        // Request bodies the endpoints bind follow the rules of all JSON input (depth, no key given twice), and a body
        // they cannot read is answered as the client's error (400 naming the body, 413), not as a server error.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.MaxDepth = JsonInput.MaxDepth;
            json.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequestHandler>();

        if (ApiDocumentGeneration.IsRunning)
        {
            // The build only describes the endpoints: no setup, no background senders, no database.
            services.RemoveAll<IHostedService>();
        }
        return services;
    }

    /// <summary>EF Core over SQLite (a file in the data folder) or PostgreSQL, as configured.</summary>
    public static IServiceCollection AddTwinningStorage(this IServiceCollection services)
    {
        // Pooled: setting up a new context's internal services cost about a tenth of an uncached API read.
        services.AddDbContextPool<TwinningDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<TwinningOptions>>().Value;
            switch (options.Database.Provider)
            {
                case StorageProviders.Sqlite:
                    Directory.CreateDirectory(options.DataPath);
                    builder.UseSqlite(options.Database.ConnectionString ?? $"Data Source={Path.Combine(options.DataPath, "twinning.db")}",
                        sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                    break;
                case StorageProviders.Postgres:
                    builder.UseNpgsql(options.Database.ConnectionString
                        ?? throw new InvalidOperationException("Twinning:Database:ConnectionString is required when the provider is Postgres."),
                        postgres => postgres.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                    break;
                default:
                    throw new InvalidOperationException($"Twinning:Database:Provider must be '{StorageProviders.Sqlite}' or '{StorageProviders.Postgres}', not '{options.Database.Provider}'.");
            }
            // A list of keys (the GraphQL batch loads) is sent as one array parameter, so its SQL is the same for any
            // number of keys and EF Core reuses the command instead of rewriting it for each count.
            // Migrations are written by hand for both providers and carry no model snapshot to compare against.
            builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            builder.AddInterceptors(provider.GetRequiredService<SiteChangeInterceptor>());
        });
        services.AddSingleton<SiteChangeToken>();
        services.AddSingleton<SiteChangeInterceptor>();
        services.AddSingleton<ResponseCache>();
        services.AddOptions<HttpCachingOptions>().BindConfiguration("Twinning:HttpCaching");
        services.AddSingleton<DocumentCache>();
        services.AddScoped<DocumentStore>();
        return services;
    }

    /// <summary>Definitions, items with versions, and the one validation rule set.</summary>
    public static IServiceCollection AddTwinningContent(this IServiceCollection services)
    {
        services.AddSingleton<HtmlSanitizerService>();
        services.AddSingleton<ContentFieldValidator>();
        services.AddSingleton<ContentValidator>();
        services.AddScoped<ContentDefinitionService>();
        services.AddScoped<SiteService>();
        services.AddSingleton<ContentItemCache>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentManager>();
        services.AddScoped<PendingContentEvents>();
        return services;
    }

    /// <summary>The recipe engine and the steps it understands.</summary>
    public static IServiceCollection AddTwinningRecipes(this IServiceCollection services)
    {
        services.AddSingleton<RecipeExecutor>();
        services.AddScoped<IRecipeStep, FeatureStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, ContentDefinitionStep>();
        services.AddScoped<IRecipeStep, ReplaceContentDefinitionStep>();
        services.AddScoped<IRecipeStep, DeleteContentDefinitionStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, MediaStep>();
        services.AddScoped<IRecipeStep, MediaProfilesStep>();
        return services;
    }


    public static IServiceCollection AddTwinningSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddScoped<UserService>();
        services.AddScoped<PermissionService>();
        return services;
    }

    /// <summary>Schema migration and first-run provisioning at start-up, and the readiness check.</summary>
    public static IServiceCollection AddTwinningSetup(this IServiceCollection services)
    {
        services.AddHostedService<SetupService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Twinning's middleware, in order: media files, then authentication, CORS and authorization.</summary>
    public static IApplicationBuilder UseTwinning(this IApplicationBuilder app)
    {
        app.UseTwinningMedia();
        app.UseTwinningAuthentication();
        // After authentication: the ETag depends on who asks.
        app.UseMiddleware<HttpCachingMiddleware>();
        app.UseTwinningQueries();
        app.UseTwinningGraphQL();
        app.UseTwinningViews();
        app.UseTwinningWebhooks();
        return app;
    }

    /// <summary>Twinning's endpoints: the content API, GraphQL, the twinning views, webhooks and /health.</summary>
    public static IEndpointRouteBuilder MapTwinning(this IEndpointRouteBuilder routes)
    {
        routes.MapContentApi();
        routes.MapTwinningMedia();
        routes.MapTwinningAuthentication();
        routes.MapTwinningQueries();
        routes.MapTwinningGraphQL();
        routes.MapTwinningViews();
        routes.MapTwinningWebhooks();
        routes.MapTwinningApiReference();
        routes.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable } });
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
