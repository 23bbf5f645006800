using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Twinning.OrchardCore.Tests;

/// <summary>
/// The module is compiled here against tests/OrchardSurface, a hand-written list of Orchard declarations. These tests
/// compile both from source and walk every symbol the module touches, so that list stays honest: everything the module
/// uses is declared there and cited (source path and type) in the module's README, nothing is declared that the module
/// does not use, and the module reaches nothing of Twinning.Module or EF Core.
/// </summary>
public sealed partial class OrchardSurfaceAuditTests
{
    private static readonly Lazy<Audit> Result = new(Run);

    [Fact]
    public void TheModuleCompilesAgainstTheSurfaceWithoutErrors()
        => Assert.Empty(Result.Value.Errors);

    [Fact]
    public void EveryOrchardSymbolTheModuleUsesIsCitedInTheReadmeTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.ModuleDirectory, "README.md"));
        var missing = Result.Value.UsedTypes
            .Where(t => !readme.Contains($"`{SourcePath(t)}`", StringComparison.Ordinal) || !readme.Contains($"`{Display(t)}`", StringComparison.Ordinal))
            .Select(t => $"{Display(t)} ({SourcePath(t)})")
            .ToList();

        Assert.True(missing.Count == 0, "Not cited in Twinning.OrchardCore/README.md (type and source path, each in backticks): " + string.Join("; ", missing));
    }

    [Fact]
    public void EverySurfaceTypeCitesTheOrchardFileThatConfirmsIt()
    {
        var uncited = Result.Value.DeclaredTypes.Where(t => SourcePath(t) is null).Select(Display).ToList();

        Assert.True(uncited.Count == 0, "Surface types without a '// Source: src/...' comment: " + string.Join(", ", uncited));
    }

    [Fact]
    public void TheSurfaceDeclaresNothingTheModuleDoesNotUse()
    {
        var used = Result.Value.Used.Select(Id).ToHashSet(StringComparer.Ordinal);
        var unused = Result.Value.Declared.Where(s => !used.Contains(Id(s))).Select(s => s.ToDisplayString()).Order(StringComparer.Ordinal).ToList();

        Assert.True(unused.Count == 0, "Declared in tests/OrchardSurface but not used by the module (remove them): " + string.Join(", ", unused));
    }

    [Fact]
    public void TheModuleUsesNoTwinningModuleOrEntityFrameworkType()
    {
        var forbidden = Result.Value.ReferencedAssemblies
            .Where(a => a.StartsWith("Twinning.Module", StringComparison.Ordinal) || a.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .ToList();
        var project = File.ReadAllText(Path.Combine(RepositoryFiles.ModuleDirectory, "Twinning.OrchardCore.csproj"));

        Assert.Empty(forbidden);
        Assert.DoesNotContain("Twinning.Module", project, StringComparison.Ordinal);
        Assert.DoesNotContain("EntityFrameworkCore", project, StringComparison.Ordinal);
        // The built module agrees with its sources.
        var built = typeof(Startup).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(built, a => a.StartsWith("Twinning.Module", StringComparison.Ordinal) || a.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private sealed record Audit(
        IReadOnlyList<string> Errors,
        IReadOnlySet<ISymbol> Declared,
        IReadOnlySet<ISymbol> Used,
        IReadOnlyList<INamedTypeSymbol> DeclaredTypes,
        IReadOnlyList<INamedTypeSymbol> UsedTypes,
        IReadOnlySet<string> ReferencedAssemblies);

    private static Audit Run()
    {
        // Everything the test host runs on (the .NET and ASP.NET Core frameworks, Twinning.Core and its packages), but
        // not the built surface and module, both compiled here from their sources, nor the real Orchard and YesSql
        // assemblies when Twinning.OrchardCore.sln builds with them (-p:OrchardSurface=false).
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is not ("OrchardSurface.dll" or "Twinning.dll")
                && !Path.GetFileName(p).StartsWith("OrchardCore", StringComparison.Ordinal)
                && !Path.GetFileName(p).StartsWith("YesSql", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();

        var surface = Compile("OrchardSurface", RepositoryFiles.SurfaceDirectory, NullableContextOptions.Disable, platform);
        var module = Compile("Twinning", RepositoryFiles.ModuleDirectory, NullableContextOptions.Enable, [.. platform, surface.ToMetadataReference()]);

        var errors = surface.GetDiagnostics().Concat(module.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();

        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var declaredTypes = new List<INamedTypeSymbol>();
        foreach (var type in AllTypes(surface.Assembly.GlobalNamespace))
        {
            declaredTypes.Add(type);
            declared.Add(type);
            foreach (var member in type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m is not INamedTypeSymbol
                && m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet }))
            {
                declared.Add(member);
            }
        }

        var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var referencedAssemblies = new HashSet<string>(StringComparer.Ordinal);
        void Use(ISymbol? symbol)
        {
            if (symbol is null)
            {
                return;
            }
            if (symbol is IMethodSymbol { ReducedFrom: { } extension })
            {
                symbol = extension;
            }
            symbol = symbol.OriginalDefinition;
            if (symbol.ContainingAssembly is { } assembly)
            {
                referencedAssemblies.Add(assembly.Name);
            }
            // Compared by name: the module sees the surface through a compilation reference, whose symbols are not the
            // surface compilation's own instances.
            if (symbol.ContainingAssembly?.Name != surface.AssemblyName || !used.Add(symbol))
            {
                return;
            }
            // A member brings its type; a type its bases; a signature the types it names.
            Use(symbol.ContainingType);
            switch (symbol)
            {
                case INamedTypeSymbol type:
                    Use(type.BaseType);
                    foreach (var i in type.Interfaces)
                    {
                        Use(i);
                    }
                    foreach (var constraint in type.TypeParameters.SelectMany(p => p.ConstraintTypes))
                    {
                        Use(constraint);
                    }
                    break;
                case IMethodSymbol method:
                    UseType(method.ReturnType);
                    foreach (var p in method.Parameters)
                    {
                        UseType(p.Type);
                    }
                    foreach (var constraint in method.TypeParameters.SelectMany(p => p.ConstraintTypes))
                    {
                        UseType(constraint);
                    }
                    break;
                case IPropertySymbol property:
                    UseType(property.Type);
                    break;
                case IFieldSymbol field:
                    UseType(field.Type);
                    break;
            }
        }
        void UseType(ITypeSymbol type)
        {
            Use(type);
            if (type is INamedTypeSymbol named)
            {
                foreach (var argument in named.TypeArguments)
                {
                    UseType(argument);
                }
            }
        }

        foreach (var tree in module.SyntaxTrees)
        {
            var model = module.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var info = model.GetSymbolInfo(node);
                Use(info.Symbol);
                foreach (var candidate in info.CandidateSymbols)
                {
                    Use(candidate);
                }
                if (node is ExpressionSyntax expression)
                {
                    Use(model.GetConversion(expression).MethodSymbol);
                }
                var declaredSymbol = model.GetDeclaredSymbol(node);
                if (declaredSymbol is INamedTypeSymbol moduleType)
                {
                    Use(moduleType.BaseType);
                    foreach (var i in moduleType.AllInterfaces)
                    {
                        Use(i);
                        // Implementing an interface uses each of its members.
                        foreach (var member in i.GetMembers().Where(m => moduleType.FindImplementationForInterfaceMember(m) is not null))
                        {
                            Use(member);
                        }
                    }
                }
                if (declaredSymbol is IMethodSymbol { OverriddenMethod: { } overridden })
                {
                    Use(overridden);
                }
            }
        }

        // Each used type as the surface declares it, where its "// Source:" comment can be read.
        var usedIds = used.Select(Id).ToHashSet(StringComparer.Ordinal);
        var usedTypes = declaredTypes.Where(t => t.ContainingType is null && usedIds.Contains(Id(t))).OrderBy(Display, StringComparer.Ordinal).ToList();
        return new Audit(errors, declared, used, declaredTypes, usedTypes, referencedAssemblies);
    }

    private static CSharpCompilation Compile(string assemblyName, string directory, NullableContextOptions nullable, IEnumerable<MetadataReference> references)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        // The implicit usings of Microsoft.NET.Sdk, which the build generates under obj/.
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
            "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", parse);
        var trees = RepositoryFiles.Sources(directory)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f))
            .Append(implicitUsings);
        return CSharpCompilation.Create(assemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers().SelectMany(Nested))
        {
            yield return type;
        }
        foreach (var child in ns.GetNamespaceMembers().SelectMany(AllTypes))
        {
            yield return child;
        }
        static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
            => type.GetTypeMembers().SelectMany(Nested).Prepend(type);
    }

    private static string Id(ISymbol symbol) => symbol.GetDocumentationCommentId() ?? symbol.ToDisplayString();

    private static string Display(INamedTypeSymbol type)
        => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));

    /// <summary>The path in the "// Source: ..." comment above the type's declaration (for a nested type, its outer type's).</summary>
    private static string? SourcePath(INamedTypeSymbol type)
    {
        var outer = type;
        while (outer.ContainingType is not null)
        {
            outer = outer.ContainingType;
        }
        return outer.DeclaringSyntaxReferences
            .Select(r => SourceComment().Match(r.GetSyntax().GetLeadingTrivia().ToFullString()))
            .Where(m => m.Success)
            .Select(m => m.Groups["path"].Value)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"// Source(?: \([^)]*\))?: (?<path>src/\S+\.cs)")]
    private static partial Regex SourceComment();
}
