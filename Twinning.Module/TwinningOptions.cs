using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Twinning.Module;

public static class TwinningOptionsServiceCollectionExtensions
{
    /// <summary>The <c>Twinning</c> section, checked at start-up, with its data path made absolute from the content root;
    /// and the clock every feature reads, unless the host registered its own.</summary>
    public static IServiceCollection AddTwinningOptions(this IServiceCollection services)
    {
        services.AddOptions<TwinningOptions>()
            .BindConfiguration(TwinningOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.DataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataPath)))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

/// <summary>The <c>Twinning</c> configuration section.</summary>
public sealed class TwinningOptions
{
    public const string Section = "Twinning";

    /// <summary>Where the SQLite database, media and other site data live.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();

    public SetupOptions Setup { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (default, a file in the data folder) or <c>Postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for Postgres; for Sqlite, defaults to <c>{DataPath}/twinning.db</c>.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class SetupOptions
{
    /// <summary>The recipe that provisions an empty database. Relative paths are from the app's folder.</summary>
    public string Recipe { get; set; } = "recipes/twinning-municipal-site.recipe.json";

    /// <summary>Whether to run the recipe at all on an empty database.</summary>
    public bool RunRecipe { get; set; } = true;

    public string AdminUserName { get; set; } = "admin";
    public string? AdminEmail { get; set; }

    /// <summary>When empty, a strong password is generated and written once to the log.</summary>
    public string? AdminPassword { get; set; }
}
