using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Recipes;

/// <summary>A bad recipe is rejected with a message naming its step, item and field, and changes nothing:
/// not the definitions, not the content, not the media library.</summary>
public sealed class BadRecipeTests
{
    /// <summary>Valid steps that would change the site, run before the bad one.</summary>
    private const string ValidSteps = """
        { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Event", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
        { "name": "media", "Files": [ { "TargetPath": "leftovers/should-not-exist.txt", "Base64": "aGVsbG8=" } ] },
        { "name": "content", "Data": [ { "ContentItemId": "shouldnotstay0000000000000", "ContentType": "Article", "Published": true,
            "TitlePart": { "Title": "Should not stay" }, "Article": { "Lead": { "Text": "Lead" } } } ] },
        { "name": "Roles", "Roles": [ { "Name": "Editor", "Permissions": ["EditContent"] } ] },
        { "name": "settings", "SiteName": "Changed" },
""";

    public static TheoryData<string, string, string, string, string?, string> Cases => new()
    {
        // provider, case, bad step JSON, expected step, expected field, expected message fragment
        { Providers.Sqlite, "empty part name", """{ "name": "ContentDefinition", "ContentTypes": [ { "Name": "Poster", "ContentTypePartDefinitionRecords": [ { "PartName": "", "Name": "Body" } ] } ] }""",
            "step 5 (ContentDefinition)", "ContentTypes.Poster", "has an empty 'PartName'" },
        { Providers.Sqlite, "unknown field type", """{ "name": "ContentDefinition", "ContentParts": [ { "Name": "Poster", "ContentPartFieldDefinitionRecords": [ { "FieldName": "ColourField", "Name": "Colour" } ] } ] }""",
            "step 5 (ContentDefinition)", "ContentParts.Poster.Colour", "unknown field type 'ColourField'" },
        { Providers.Sqlite, "invalid content", """{ "name": "content", "Data": [ { "ContentItemId": "missinglead000000000000000", "ContentType": "Article", "TitlePart": { "Title": "No lead" }, "Article": {} } ] }""",
            "step 5 (content)", "Article.Lead.Text", "is required" },
        { Providers.Postgres, "invalid content", """{ "name": "content", "Data": [ { "ContentItemId": "missinglead000000000000000", "ContentType": "Article", "TitlePart": { "Title": "No lead" }, "Article": {} } ] }""",
            "step 5 (content)", "Article.Lead.Text", "is required" },
        { Providers.Sqlite, "unknown content type", """{ "name": "content", "Data": [ { "ContentItemId": "unknowntype000000000000000", "ContentType": "Spaceship" } ] }""",
            "step 5 (content)", "ContentType", "There is no content type 'Spaceship'" },
        { Providers.Sqlite, "undeclared variable", """{ "name": "content", "Data": [ { "ContentItemId": "[js: variables('nope')]", "ContentType": "Article" } ] }""",
            "step 5 (content)", "Data[0].ContentItemId", "declares no such variable" },
        { Providers.Postgres, "script error", """{ "name": "content", "Data": [ { "ContentItemId": "scripterror000000000000000", "ContentType": "Article", "TitlePart": { "Title": "[js: 'Forum ' + year]" } } ] }""",
            "step 5 (content), item 'scripterror000000000000000'", "Data[0].TitlePart.Title", "The expression '[js: 'Forum ' + year]' failed: year is not defined" },
        { Providers.Sqlite, "feature id not text", """{ "name": "feature", "enable": [ 7 ] }""",
            "step 5 (feature)", "enable[0]", "A feature id must be text" },
        { Providers.Sqlite, "unnamed step", """{ "Name": "settings" }""",
            "step 5", null, "Each step must be an object with a 'name'" },
        { Providers.Sqlite, "theme id not text", """{ "name": "themes", "admin": 5, "site": "" }""",
            "step 5 (themes)", "admin", "A theme is named by its id, as text" },
        { Providers.Sqlite, "missing media file", """{ "name": "media", "Files": [ { "TargetPath": "a.jpg", "SourcePath": "missing.jpg" } ] }""",
            "step 5 (media)", null, "does not exist next to the recipe" },
        { Providers.Sqlite, "number where text belongs", """{ "name": "settings", "SiteName": 5 }""",
            "step 5 (settings)", null, "does not have the expected shape" },
        { Providers.Sqlite, "bad time zone", """{ "name": "settings", "TimeZoneId": "Europe/Atlantis" }""",
            "step 5 (settings)", "TimeZoneId", "is not an IANA time zone" },
        { Providers.Sqlite, "bad preview address", """{ "name": "settings", "FrontEndPreviewUrl": "ftp://podglad.example/{id}" }""",
            "step 5 (settings)", "FrontEndPreviewUrl", "is not an absolute http or https address" },
        // PostgreSQL cannot store a NUL character and SQLite can: both refuse it, naming the field.
        { Providers.Sqlite, "NUL in text", """{ "name": "content", "Data": [ { "ContentItemId": "nulintitle0000000000000000", "ContentType": "Article", "TitlePart": { "Title": "Nul\u0000" }, "Article": { "Lead": { "Text": "x" } } } ] }""",
            "step 5 (content)", "TitlePart.Title", "NUL character" },
        { Providers.Postgres, "NUL in text", """{ "name": "content", "Data": [ { "ContentItemId": "nulintitle0000000000000000", "ContentType": "Article", "TitlePart": { "Title": "Nul\u0000" }, "Article": { "Lead": { "Text": "x" } } } ] }""",
            "step 5 (content)", "TitlePart.Title", "NUL character" },
        { Providers.Sqlite, "id as a number", """{ "name": "content", "Data": [ { "ContentItemId": 42, "ContentType": "Article", "TitlePart": { "Title": "x" }, "Article": { "Lead": { "Text": "x" } } } ] }""",
            "step 5 (content)", "Data[0].ContentItemId", "ContentItemId must be text, not a number" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadRecipeIsRejectedWithItsLocationAndChangesNothing(string provider, string name, string badStep, string step, string? field, string message)
    {
        using var app = await Articles.StartAsync(provider);
        var before = await SnapshotAsync(app);

        var result = await app.RunRecipeAsync($$"""{ "name": "bad {{name}}", "steps": [ {{ValidSteps}} {{badStep}} ] }""", basePath: app.DataPath);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains(step, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app));
        var definitions = await app.InScopeAsync(s => s.GetRequiredService<ContentDefinitionService>().GetAsync());
        Assert.Null(definitions.FindType("Event"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MalformedJsonIsRejectedBeforeAnythingRuns(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var before = await SnapshotAsync(app);

        var result = await app.RunRecipeAsync("""{ "name": "broken", "steps": [ { "name": "settings", "SiteName": "x" } """);

        Assert.Contains("not valid JSON", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory]
    [InlineData("nested 100 deep", "maximum configured depth of 64")]
    [InlineData("a key given twice", "Duplicate property 'SiteName'")]
    public async Task OverDeepOrAmbiguousJsonIsRejectedBeforeAnythingRuns(string name, string message)
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var before = await SnapshotAsync(app);
        var step = name == "a key given twice"
            ? """{ "name": "settings", "SiteName": "x", "SiteName": "y" }"""
            : $$"""{ "name": "settings", "SiteName": "x", "Deep": {{new string('[', 100)}}{{new string(']', 100)}} }""";

        var result = await app.RunRecipeAsync($$"""{ "name": "bad", "steps": [ {{step}} ] }""");

        Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryProblemOfTheWholeRecipeIsReportedAtOnceAndNothingIsApplied(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var before = await SnapshotAsync(app);

        var result = await app.RunRecipeAsync($$"""
            { "name": "many problems", "steps": [
              { "name": "settings", "SiteName": "Changed", "TimeZoneId": "Europe/Atlantis" },
              {{ValidSteps}}
              { "name": "ContentDefinition", "ContentParts": [ { "Name": "Poster", "ContentPartFieldDefinitionRecords": [ { "FieldName": "ColourField", "Name": "Colour" } ] } ] },
              { "name": "themes", "admin": "TheAdmin", "site": "TheBlogTheme" },
              { "name": "content", "Data": [
                { "ContentItemId": "missinglead000000000000000", "ContentType": "Article", "TitlePart": { "Title": "No lead" }, "Article": {} },
                { "ContentItemId": "[js: parameters('AdminUserId')]", "ContentType": "Article" } ] },
              { "name": "media", "Files": [ { "TargetPath": "a.jpg", "SourcePath": "missing.jpg" } ] }
            ] }
            """, basePath: app.DataPath);

        Assert.Equal(
            [(0, "TimeZoneId"), (6, "ContentParts.Poster.Colour"), (8, "Data[1].ContentItemId"), (9, null)],
            result.Errors.Select(e => (e.StepIndex!.Value, e.Field)));
        Assert.Contains("no parameters", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("does not exist next to the recipe", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal("themes", Assert.Single(result.PassedOver).StepName);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task AFailedStepLeavesNothingForTheStepsAfterIt()
    {
        using var app = await Articles.StartAsync(Providers.Postgres);

        // The first content step fails part way (its second item); the second step's item must not find the
        // first one's, which was never valid, and the whole recipe reports just the one problem.
        var result = await app.RunRecipeAsync("""
            { "name": "after a failure", "steps": [
              { "name": "content", "Data": [
                { "ContentItemId": "firstgood00000000000000000", "ContentType": "Article", "TitlePart": { "Title": "One" }, "Article": { "Lead": { "Text": "x" } }, "AutoroutePart": { "Path": "shared" } },
                { "ContentItemId": "secondbad00000000000000000", "ContentType": "Article", "TitlePart": { "Title": "Two" }, "Article": {} } ] },
              { "name": "content", "Data": [
                { "ContentItemId": "thirdgood00000000000000000", "ContentType": "Article", "TitlePart": { "Title": "Three" }, "Article": { "Lead": { "Text": "x" } }, "AutoroutePart": { "Path": "shared" } } ] }
            ] }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("secondbad00000000000000000", "Article.Lead.Text"), (error.ContentItemId, error.Field));
        Assert.Null(await app.GetAsync("thirdgood00000000000000000"));
    }

    [Fact]
    public async Task EveryInvalidItemOfAContentStepIsReportedAtOnce()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "two bad items", "steps": [ { "name": "content", "Data": [
              { "ContentItemId": "firstbad000000000000000000", "ContentType": "Article", "TitlePart": { "Title": "One" }, "Article": { "Lead": { "Text": "x" }, "Kind": { "Text": "gossip" } } },
              { "ContentItemId": "secondbad00000000000000000", "ContentType": "Article", "TitlePart": { "Title": "Two" }, "Article": { "Lead": { "Text": "x" }, "Related": { "ContentItemIds": ["nosuchitem0000000000000000"] } } }
            ] } ] }
            """);

        Assert.Collection(result.Errors,
            e => Assert.Equal(("firstbad000000000000000000", "Article.Kind.Text"), (e.ContentItemId, e.Field)),
            e => Assert.Equal(("secondbad00000000000000000", "Article.Related.ContentItemIds[0]"), (e.ContentItemId, e.Field)));
        Assert.Null(await app.GetAsync("firstbad000000000000000000"));
    }

    /// <summary>Everything a recipe could change, as one comparable string.</summary>
    private static Task<string> SnapshotAsync(TwinningApplication app) => app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<TwinningDbContext>();
        var versions = await db.ContentItemVersions.OrderBy(v => v.Id).Select(v => v.ContentItemVersionId + v.Latest + v.Published).ToListAsync();
        var documents = await db.Documents.OrderBy(d => d.Name).Select(d => d.Name + ":" + d.Version).ToListAsync();
        var counts = $"{await db.ContentReferences.CountAsync()}/{await db.AuditEntries.CountAsync()}/{await db.Users.CountAsync()}";
        var mediaRoot = Path.Combine(app.DataPath, "Media");
        IEnumerable<string> media = Directory.Exists(mediaRoot) ? Directory.GetFiles(mediaRoot, "*", SearchOption.AllDirectories).Order() : [];
        return string.Join("|", versions.Concat(documents).Append(counts).Concat(media));
    });
}
