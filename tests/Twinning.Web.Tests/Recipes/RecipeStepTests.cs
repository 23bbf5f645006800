using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Recipes;

/// <summary>Each Orchard Core recipe step does what an Orchard recipe author expects.</summary>
public sealed class RecipeStepTests
{
    [Fact]
    public async Task ReplaceContentDefinitionDropsPartsTheNewDefinitionLacks()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "replace", "steps": [ { "name": "ReplaceContentDefinition",
              "ContentTypes": [ { "Name": "Topic", "DisplayName": "Theme", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" } ] } ] } ] }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var topic = (await Definitions(app)).FindType("Topic")!;
        Assert.Equal("Theme", topic.DisplayName);
        Assert.Equal(["TitlePart", "HtmlBodyPart"], topic.ContentTypePartDefinitionRecords.Select(p => p.Name));
    }

    [Fact]
    public async Task ContentDefinitionMergesIntoWhatExists()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "alter", "steps": [ { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Topic", "Settings": { "ContentTypeSettings": { "Listable": true } }, "ContentTypePartDefinitionRecords": [ { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" } ] } ] } ] }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var topic = (await Definitions(app)).FindType("Topic")!;
        Assert.Equal(["TitlePart", "HtmlBodyPart"], topic.ContentTypePartDefinitionRecords.Select(p => p.Name));
        Assert.True(topic.TypeSettings.Creatable);
        Assert.True(topic.TypeSettings.Listable);
    }

    [Fact]
    public async Task DeleteContentDefinitionRemovesTypesAndPartsFromTheirTypes()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "delete", "steps": [ { "name": "DeleteContentDefinition", "ContentTypes": ["Topic"], "ContentParts": ["LinkItem"] } ] }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var definitions = await Definitions(app);
        Assert.Null(definitions.FindType("Topic"));
        Assert.Null(definitions.FindPart("LinkItem"));
        Assert.Empty(definitions.FindType("LinkItem")!.ContentTypePartDefinitionRecords);
    }

    [Fact]
    public async Task VariablesNameOneItemAcrossStepsAndFilesAreReadBesideTheRecipe()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var folder = Directory.CreateTempSubdirectory("twinning-recipe-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "body.html"), "<p>Program forum</p>");
        var logo = TestImages.Png(8, 8);
        await File.WriteAllBytesAsync(Path.Combine(folder, "logo.png"), logo);

        var result = await app.RunRecipeAsync("""
            { "name": "variables", "variables": { "firstId": "[js: uuid()]" }, "steps": [
              { "name": "content", "Data": [ { "ContentItemId": "[js: variables('firstId')]", "ContentType": "Article", "Published": true,
                  "TitlePart": { "Title": "Pierwszy" }, "HtmlBodyPart": { "Html": "[file:text('body.html')]" }, "Article": { "Lead": { "Text": "x" } } } ] },
              { "name": "content", "Data": [ { "ContentType": "Article", "Published": true, "TitlePart": { "Title": "Drugi" },
                  "Article": { "Lead": { "Text": "[js: parameters('Missing')]y" }, "Related": { "ContentItemIds": ["[js: variables('firstId')]"] } } } ] },
              { "name": "media", "Files": [ { "TargetPath": "logos/logo.png", "SourcePath": "logo.png" }, { "TargetPath": "notes/hello.txt", "Base64": "Y3plxZvEhw==" } ] }
            ] }
            """, basePath: folder);

        Assert.True(result.Succeeded, result.ToString());
        var first = await app.SingleAsync("Article", "Pierwszy");
        var second = await app.SingleAsync("Article", "Drugi");
        Assert.Equal([first.ContentItemId], second.Ids("Article.Related"));
        Assert.Equal("<p>Program forum</p>", first.Text("HtmlBodyPart.Html"));
        Assert.Equal(logo, await File.ReadAllBytesAsync(Path.Combine(app.DataPath, "Media", "logos", "logo.png")));
        Assert.Equal("cześć", await File.ReadAllTextAsync(Path.Combine(app.DataPath, "Media", "notes", "hello.txt")));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ARoleWithoutANameIsPassedOverAndAMissingDescriptionBlanksTheOldOneAsInOrchard()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "roles", "steps": [
              { "name": "Roles", "Roles": [ { "Name": "Editor", "Description": "Edits", "Permissions": ["EditContent"] } ] },
              { "name": "Roles", "Roles": [ { "Name": " ", "Permissions": ["DeleteContent"] }, { "Name": "Editor", "Permissions": ["EditContent"] } ] }
            ] }
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("A role without a name is passed over.", Assert.Single(result.PassedOver).Message);
        var roles = await app.InScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<RolesDocument>(DocumentNames.Roles));
        Assert.Null(roles.Find("Editor")!.Description);
        Assert.DoesNotContain(roles.Roles, r => string.IsNullOrWhiteSpace(r.Name));
    }

    [Fact]
    public async Task RolesCanBeReplacedExtendedAndReduced()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "roles", "steps": [
              { "name": "Roles", "Roles": [ { "Name": "Editor", "Description": "Edits", "Permissions": ["EditContent", "PublishContent"] } ] },
              { "name": "roles", "Roles": [ { "Name": "Editor", "PermissionBehavior": "Add", "Permissions": ["DeleteContent"] },
                                            { "Name": "Anonymous", "PermissionBehavior": "Remove", "Permissions": ["AccessContentApi"] } ] }
            ] }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var roles = await app.InScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<RolesDocument>(DocumentNames.Roles));
        Assert.Equal(["EditContent", "PublishContent", "DeleteContent"], roles.Find("Editor")!.Permissions);
        Assert.Equal(["ViewContent"], roles.Find("Anonymous")!.Permissions);
    }

    [Fact]
    public async Task SettingsAndMediaProfilesAreStored()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "settings", "steps": [
              { "name": "settings", "SiteName": "Miasto Partnerskie", "TimeZoneId": "Europe/Vilnius", "HomeRoute": { "Action": "Index" } },
              { "name": "MediaProfiles", "MediaProfiles": { "banner": { "Hint": "Wide banner", "Width": 2048, "Height": 600, "Mode": 2, "Format": 0, "Quality": 80 } } }
            ] }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var site = await app.InScopeAsync(s => s.GetRequiredService<SiteService>().GetAsync());
        Assert.Equal(("Miasto Partnerskie", "Europe/Vilnius"), (site.SiteName, site.TimeZoneId));
        Assert.Equal("Index", site.Properties["HomeRoute"]!["Action"]!.GetValue<string>());
        var profiles = await app.InScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<MediaProfilesDocument>(DocumentNames.MediaProfiles));
        Assert.Equal((2048, 600, 2, 80), (profiles.MediaProfiles["banner"].Width, profiles.MediaProfiles["banner"].Height, profiles.MediaProfiles["banner"].Mode, profiles.MediaProfiles["banner"].Quality));
    }

    [Fact]
    public async Task AMediaProfileWithImpossibleValuesIsRejected()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync("""
            { "name": "profiles", "steps": [ { "name": "MediaProfiles", "MediaProfiles": { "huge": { "Width": 0, "Height": 0, "Mode": 9, "Quality": 0 } } } ] }
            """);

        Assert.Equal(["MediaProfiles.huge.Width", "MediaProfiles.huge.Mode", "MediaProfiles.huge.Quality"], result.Errors.Select(e => e.Field));
    }

    private static Task<ContentDefinitionDocument> Definitions(TwinningApplication app)
        => app.InScopeAsync(s => s.GetRequiredService<ContentDefinitionService>().GetAsync());
}
