using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace Twinning.Module.Tests.Core;

/// <summary>
/// Twinning.Core is shared with the Orchard Core module, whose site brings its own ASP.NET Core, EF Core and GraphQL
/// versions; a reference to any of them (or to Orchard itself) from Core would clash there. These tests keep it out.
/// </summary>
public sealed class CoreDependencyTests
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "GraphQL", "OrchardCore", "Microsoft.CodeAnalysis.BannedApiAnalyzers",
        "Npgsql", "OpenIddict", "SkiaSharp", "YesSql",
    ];

    private static bool IsForbidden(string name)
        => Forbidden.Any(f => name.Equals(f, StringComparison.OrdinalIgnoreCase) || name.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase));

    private static string CoreProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Twinning.Core", "Twinning.Core.csproj")))
            {
                return Path.Combine(directory.FullName, "Twinning.Core");
            }
        }
        throw new InvalidOperationException("Twinning.Core/Twinning.Core.csproj not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void TheCoreAssemblyReferencesNoHostAssembly()
    {
        var core = Assembly.Load(new AssemblyName("Twinning.Core"));

        var references = core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, IsForbidden);
    }

    [Fact]
    public void TheCoreProjectHasNoFrameworkReferenceAndNoHostPackageEvenTransitively()
    {
        var directory = CoreProjectDirectory();
        var project = XDocument.Load(Path.Combine(directory, "Twinning.Core.csproj"));
        Assert.Empty(project.Descendants("FrameworkReference"));
        Assert.Empty(project.Descendants("ProjectReference"));

        // The restore output lists every package Core pulls in, directly or through another package.
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "obj", "project.assets.json")));
        var packages = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToList();
        var frameworks = assets.RootElement.GetProperty("project").GetProperty("frameworks").EnumerateObject()
            .SelectMany(f => f.Value.TryGetProperty("frameworkReferences", out var references) ? references.EnumerateObject().Select(r => r.Name) : [])
            .ToList();

        Assert.DoesNotContain(packages, IsForbidden);
        Assert.DoesNotContain(frameworks, f => !f.Equals("Microsoft.NETCore.App", StringComparison.OrdinalIgnoreCase));
    }
}
