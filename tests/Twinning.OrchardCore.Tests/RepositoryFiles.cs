namespace Twinning.OrchardCore.Tests;

/// <summary>Files of the repository the tests read: the module's sources, the surface, the shared recipe.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ModuleDirectory => Path.Combine(Root, "Twinning.OrchardCore");

    public static string SurfaceDirectory => Path.Combine(Root, "tests", "OrchardSurface");

    public static string SharedRecipe => Path.Combine(Root, "recipes", "twinning-municipal-site.recipe.json");

    public static string MigrationRecipe => Path.Combine(ModuleDirectory, "Migrations", "twinning-content-model.recipe.json");

    /// <summary>The C# sources of a project, without what the build generates under obj/ and bin/.</summary>
    public static IEnumerable<string> Sources(string projectDirectory)
        => Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(projectDirectory, f).Split(Path.DirectorySeparatorChar)[0].Equals("obj", StringComparison.Ordinal)
                && !Path.GetRelativePath(projectDirectory, f).Split(Path.DirectorySeparatorChar)[0].Equals("bin", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Twinning.Module.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Twinning.Module.sln not found above " + AppContext.BaseDirectory);
    }
}
