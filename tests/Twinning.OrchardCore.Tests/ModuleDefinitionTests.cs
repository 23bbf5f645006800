using System.Reflection;
using System.Text.Json.Nodes;

namespace Twinning.OrchardCore.Tests;

/// <summary>What Orchard reads of the module without running it: the manifest, the features the content model needs,
/// the embedded recipes, and the generated migration recipe.</summary>
public sealed class ModuleDefinitionTests
{
    private static readonly Assembly Module = typeof(Startup).Assembly;

    private static readonly string[] Dependencies =
    [
        "OrchardCore.Contents", "OrchardCore.ContentFields", "OrchardCore.Title", "OrchardCore.Autoroute", "OrchardCore.Html",
        "OrchardCore.Lists", "OrchardCore.Flows", "OrchardCore.Localization", "OrchardCore.ContentLocalization",
        "OrchardCore.Taxonomies", "OrchardCore.Media", "OrchardCore.Spatial",
    ];

    /// <summary>The Orchard feature that provides each part and field the municipal content model uses
    /// (orchard-adapter.md section 4.2).</summary>
    private static readonly Dictionary<string, string> ProvidedBy = new(StringComparer.Ordinal)
    {
        ["TitlePart"] = "OrchardCore.Title",
        ["AutoroutePart"] = "OrchardCore.Autoroute",
        ["HtmlBodyPart"] = "OrchardCore.Html",
        ["ListPart"] = "OrchardCore.Lists",
        ["BagPart"] = "OrchardCore.Flows",
        ["LocalizationPart"] = "OrchardCore.ContentLocalization",
        ["TaxonomyPart"] = "OrchardCore.Taxonomies",
        ["TaxonomyField"] = "OrchardCore.Taxonomies",
        ["MediaField"] = "OrchardCore.Media",
        ["GeoPointField"] = "OrchardCore.Spatial",
        ["TextField"] = "OrchardCore.ContentFields",
        ["ContentPickerField"] = "OrchardCore.ContentFields",
        ["DateField"] = "OrchardCore.ContentFields",
        ["DateTimeField"] = "OrchardCore.ContentFields",
        ["TimeField"] = "OrchardCore.ContentFields",
        ["LinkField"] = "OrchardCore.ContentFields",
        ["MultiTextField"] = "OrchardCore.ContentFields",
        ["NumericField"] = "OrchardCore.ContentFields",
        ["HtmlField"] = "OrchardCore.ContentFields",
        ["BooleanField"] = "OrchardCore.ContentFields",
    };

    /// <summary>Features the module needs for services rather than parts: the content manager and content permissions,
    /// and the site's cultures.</summary>
    private static readonly string[] ServiceFeatures = ["OrchardCore.Contents", "OrchardCore.Localization"];

    private static CustomAttributeData ModuleAttribute()
        => Assert.Single(Module.GetCustomAttributesData(), a => a.AttributeType.FullName == "OrchardCore.Modules.Manifest.ModuleAttribute");

    private static object? Named(CustomAttributeData attribute, string name)
        => attribute.NamedArguments.SingleOrDefault(a => a.MemberName == name).TypedValue.Value;

    private static string[] StringArray(object? value)
        => ((IEnumerable<CustomAttributeTypedArgument>)value!).Select(a => (string)a.Value!).ToArray();

    private static JsonObject SharedRecipe() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.SharedRecipe))!.AsObject();

    [Fact]
    public void TheModuleIsTheTwinningFeatureTheRecipeEnables()
    {
        var module = ModuleAttribute();

        // Orchard derives the module id from the assembly name when the manifest sets no Id; embedded files are found by it.
        Assert.Equal("Twinning", Module.GetName().Name);
        Assert.Equal("Twinning", Named(module, "Name"));
        Assert.DoesNotContain(module.NamedArguments, a => a.MemberName == "Id");
        Assert.DoesNotContain(Module.GetCustomAttributesData(), a => a.AttributeType.FullName == "OrchardCore.Modules.Manifest.FeatureAttribute");
        var enabled = SharedRecipe()["steps"]!.AsArray().Single(s => (string?)s!["name"] == "feature")!["enable"]!.AsArray().Select(f => (string)f!);
        Assert.Contains("Twinning", enabled);
    }

    [Fact]
    public void TheModuleDependsOnExactlyTheFeaturesItsContentModelAndServicesNeed()
    {
        var definition = SharedRecipe()["steps"]!.AsArray().Single(s => (string?)s!["name"] == "ContentDefinition")!;
        var parts = definition["ContentTypes"]!.AsArray()
            .SelectMany(t => t!["ContentTypePartDefinitionRecords"]!.AsArray().Select(p => (string)p!["PartName"]!));
        var fields = definition["ContentParts"]!.AsArray()
            .SelectMany(p => (p!["ContentPartFieldDefinitionRecords"] as JsonArray ?? []).Select(f => (string)f!["FieldName"]!));
        var ownParts = definition["ContentParts"]!.AsArray().Select(p => (string)p!["Name"]!).ToHashSet(StringComparer.Ordinal);
        var needed = parts.Concat(fields).Where(n => !ownParts.Contains(n)).Distinct()
            .Select(n => ProvidedBy.TryGetValue(n, out var feature) ? feature : $"(no feature known for {n})")
            .Concat(ServiceFeatures);

        Assert.Equal(needed.Distinct().Order(StringComparer.Ordinal), StringArray(Named(ModuleAttribute(), "Dependencies")).Order(StringComparer.Ordinal));
        Assert.Equal(Dependencies, StringArray(Named(ModuleAttribute(), "Dependencies")));
    }

    /// <summary>What an Orchard site needs enabled to have an admin, users and roles after setup (Orchard's own
    /// headless setup recipe enables the same).</summary>
    private static readonly string[] SetupInfrastructure =
    [
        "OrchardCore.Admin", "OrchardCore.Features", "OrchardCore.Navigation", "OrchardCore.Recipes", "OrchardCore.Resources",
        "OrchardCore.Roles", "OrchardCore.Settings", "OrchardCore.Themes", "OrchardCore.Users", "TheAdmin",
    ];

    [Fact]
    public void AsASetupRecipeTheMunicipalRecipeEnablesTheModuleItsDependenciesAndOrchardsAdmin()
    {
        var steps = SharedRecipe()["steps"]!.AsArray();
        var enabled = steps.Single(s => (string?)s!["name"] == "feature")!["enable"]!.AsArray().Select(f => (string)f!);
        var themes = steps.Single(s => (string?)s!["name"] == "themes")!;

        // Plus the content-type editor and GraphQL, which editors and front ends use but the module does not need.
        Assert.Equal(
            Dependencies.Append("Twinning").Concat(SetupInfrastructure).Append("OrchardCore.ContentTypes").Append("OrchardCore.Apis.GraphQL").Order(StringComparer.Ordinal),
            enabled.Order(StringComparer.Ordinal));
        Assert.Equal("TheAdmin", (string?)themes["admin"]);
        Assert.Equal("", (string?)themes["site"]);
    }

    [Fact]
    public void TheRecipeGrantsTheFeedsPermissionToEveryRoleItDefines()
    {
        // Orchard's Roles step replaces a role's permissions, so a role the recipe lists without ViewTwinningFeeds
        // would lose the feeds the permission provider's stereotypes grant.
        var roles = SharedRecipe()["steps"]!.AsArray().Single(s => (string?)s!["name"] == "Roles")!["Roles"]!.AsArray();

        Assert.Contains(roles, r => (string?)r!["Name"] == "Anonymous");
        Assert.All(roles, r => Assert.Contains("ViewTwinningFeeds", r!["Permissions"]!.AsArray().Select(p => (string?)p)));
    }

    [Fact]
    public void TheSetupRecipeItsMediaAndTheMigrationRecipeAreEmbeddedWhereOrchardLooksForThem()
    {
        var resources = Module.GetManifestResourceNames();
        var media = SharedRecipe()["steps"]!.AsArray().Single(s => (string?)s!["name"] == "media")!["Files"]!.AsArray()
            .Select(f => (string)f!["SourcePath"]!).ToList();

        Assert.Contains("Twinning.Recipes>twinning-municipal-site.recipe.json", resources);
        Assert.Contains("Twinning.Migrations>twinning-content-model.recipe.json", resources);
        Assert.NotEmpty(media);
        Assert.All(media, path => Assert.Contains("Twinning.Recipes>" + path.Replace('/', '>'), resources));
        using var recipe = Module.GetManifestResourceStream("Twinning.Recipes>twinning-municipal-site.recipe.json")!;
        Assert.True((bool)JsonNode.Parse(recipe)!["issetuprecipe"]!);
    }

    [Fact]
    public void TheMigrationRecipeIsTheContentModelOfTheMunicipalRecipe()
    {
        var generated = ContentModelRecipe.Write(ContentModelRecipe.Generate(SharedRecipe()));
        if (Environment.GetEnvironmentVariable("TWINNING_REGENERATE") == "1")
        {
            File.WriteAllText(RepositoryFiles.MigrationRecipe, generated);
        }

        var committed = File.ReadAllText(RepositoryFiles.MigrationRecipe);
        Assert.True(generated == committed,
            "Twinning.OrchardCore/Migrations/twinning-content-model.recipe.json is stale; regenerate it with "
            + "TWINNING_REGENERATE=1 dotnet test tests/Twinning.OrchardCore.Tests --filter MigrationRecipe");
    }

    [Fact]
    public void TheMigrationRecipeNeedsNoScriptsAndKeepsTheMunicipalRecipesTaxonomyIds()
    {
        var shared = SharedRecipe();
        var migration = JsonNode.Parse(File.ReadAllText(RepositoryFiles.MigrationRecipe))!;
        var steps = migration["steps"]!.AsArray().Select(s => (string)s!["name"]!).ToList();
        var items = migration["steps"]!.AsArray().Single(s => (string?)s!["name"] == "content")!["Data"]!.AsArray();

        Assert.DoesNotContain("[js:", migration.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["ContentDefinition", "content"], steps);
        Assert.All(items, i => Assert.Equal("Taxonomy", (string?)i!["ContentType"]));
        Assert.Equal(
            [(string)shared["variables"]!["panelTracksId"]!, (string)shared["variables"]!["cooperationAreasId"]!],
            items.Select(i => (string)i!["ContentItemId"]!));
    }
}
