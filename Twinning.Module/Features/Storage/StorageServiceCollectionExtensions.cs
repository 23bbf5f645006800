using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Storage;

public static class StorageServiceCollectionExtensions
{
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
                    builder.AddInterceptors(provider.GetRequiredService<SqliteUnicodeLower>());
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
        services.AddSingleton(typeof(RecentReads<,>));
        services.AddSingleton<SiteChangeInterceptor>();
        services.AddSingleton<SqliteUnicodeLower>();
        services.AddSingleton<DocumentCache>();
        services.AddScoped<DocumentStore>();
        return services;
    }
}
