using Microsoft.Data.Sqlite;

namespace Twinning.Bench;

/// <summary>What both modes share: a throw-away data folder and the Twinning configuration over it.</summary>
internal static class BenchSettings
{
    /// <summary>The setup administrator's password; long enough for the module's password rule.</summary>
    public const string AdminPassword = "bench-admin-password-2026";

    /// <summary>The real municipal site recipe, copied beside the executable by the project file.</summary>
    public static string RecipePath { get; } = Path.Combine(AppContext.BaseDirectory, "recipes", "twinning-municipal-site.recipe.json");

    /// <summary>The value of <c>--items N</c>: how many content items to add to the provisioned site.</summary>
    public static int? Items(string[] args)
    {
        var index = Array.IndexOf(args, "--items");
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var items) ? items : null;
    }

    /// <summary>The value of <c>--data DIR</c>: a data folder kept between runs, or null for a new throw-away one.</summary>
    public static string? KeptDataFolder(string[] args)
    {
        var index = Array.IndexOf(args, "--data");
        return index >= 0 && index + 1 < args.Length ? Path.GetFullPath(args[index + 1]) : null;
    }

    public static string NewDataFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "twinning-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>SQLite in <paramref name="dataPath"/>; Twinning.Web's log levels (framework chatter at Warning).</summary>
    public static Dictionary<string, string?> Configuration(string dataPath, bool runRecipe, string defaultLogLevel) => new()
    {
        ["Twinning:DataPath"] = dataPath,
        ["Twinning:Database:Provider"] = "Sqlite",
        ["Twinning:Setup:RunRecipe"] = runRecipe ? "true" : "false",
        ["Twinning:Setup:AdminUserName"] = "admin",
        ["Twinning:Setup:AdminPassword"] = AdminPassword,
        ["Logging:LogLevel:Default"] = defaultLogLevel,
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["AllowedHosts"] = "*",
    };

    /// <summary>Releases pooled SQLite connections (which hold the file open) and removes the folder.</summary>
    public static void DeleteDataFolder(string path)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not remove {path}: {e.Message}");
        }
    }
}
