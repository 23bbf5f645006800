using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>The alternative text rule of a media field whose definition asks for it (<c>MediaFieldAltTextSettings</c>):
/// the REST API and recipes refuse an image without one (unless marked decorative) with the same message the admin
/// shows; a field without the setting, as in Orchard Core's own recipes, takes images without texts.</summary>
public sealed class MediaAltTextTests
{
    /// <summary>An album type whose photos need alternative texts, beside the Article type whose photo does not.</summary>
    internal const string AlbumRecipe = """
    {
      "name": "album",
      "steps": [
        { "name": "ContentDefinition",
          "ContentTypes": [
            { "Name": "Album", "DisplayName": "Album",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} },
                { "PartName": "LocalizationPart", "Name": "LocalizationPart", "Settings": {} },
                { "PartName": "Album", "Name": "Album", "Settings": {} }
              ] }
          ],
          "ContentParts": [
            { "Name": "Album", "ContentPartFieldDefinitionRecords": [
              { "FieldName": "MediaField", "Name": "Photos", "Settings": {
                "ContentPartFieldSettings": { "DisplayName": "Photos", "Position": "0" },
                "MediaFieldSettings": { "Required": false, "Multiple": true, "AllowMediaText": true, "AllowAnchors": true },
                "MediaFieldAltTextSettings": { "Required": true } } }
            ] }
          ] }
      ]
    }
    """;

    private static async Task<(TwinningApplication App, HttpClient Client)> StartAsync(string provider)
    {
        var app = new TwinningApplication(provider, runRecipe: false);
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        Assert.True((await app.RunRecipeAsync(AlbumRecipe)).Succeeded);
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder", "AccessContentApi", "EditContent", "PublishContent", "DeleteContent");
        var client = await app.CreateClientWithRolesAsync("MediaEditor");
        Assert.Equal(HttpStatusCode.Created, (await client.UploadAsync("albums", ("rynek.jpg", TestImages.Jpeg(16, 12)), ("plan.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()))).StatusCode);
        return (app, client);
    }

    private static JsonObject Album(JsonArray paths, JsonArray texts, JsonArray? decorative = null)
    {
        var photos = new JsonObject { ["Paths"] = paths, ["MediaTexts"] = texts };
        if (decorative is not null)
        {
            photos["Decorative"] = decorative;
        }
        return new JsonObject
        {
            ["ContentType"] = "Album",
            ["TitlePart"] = new JsonObject { ["Title"] = "Rynek" },
            ["Album"] = new JsonObject { ["Photos"] = photos },
        };
    }

    private static async Task<JsonObject> RefusedAsync(HttpClient client, JsonObject item)
    {
        var response = await client.PostItemAsync(item.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.JsonAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnImageWithoutAlternativeTextIsRefusedUnlessMarkedDecorativeAndNothingIsStored(string provider)
    {
        var (app, client) = await StartAsync(provider);
        using var _ = app;

        var missing = await RefusedAsync(client, Album(["albums/rynek.jpg", "albums/plan.pdf"], ["", ""]));
        var fileName = await RefusedAsync(client, Album(["albums/rynek.jpg"], ["Rynek.JPG"]));
        var generic = await RefusedAsync(client, Album(["albums/rynek.jpg"], ["zdjęcie"]));
        var decorativeWithText = await RefusedAsync(client, Album(["albums/rynek.jpg"], ["Rynek nocą"], [true]));
        var badMarks = await RefusedAsync(client, Album(["albums/rynek.jpg"], ["Rynek nocą"], [true, false]));

        Assert.Equal("Photos: the image rynek.jpg needs an alternative text, or mark it as decorative.",
            missing["errors"]!["Album.Photos.MediaTexts[0]"]![0]!.GetValue<string>());
        Assert.Equal("Media.AltRequired", missing["messages"]!["Album.Photos.MediaTexts[0]"]![0]!["key"]!.GetValue<string>());
        // A document needs no alternative text.
        Assert.Null(missing["errors"]!["Album.Photos.MediaTexts[1]"]);
        Assert.Equal("Media.AltIsFileName", fileName["messages"]!["Album.Photos.MediaTexts[0]"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("Media.AltIsGeneric", generic["messages"]!["Album.Photos.MediaTexts[0]"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("Media.DecorativeWithText", decorativeWithText["messages"]!["Album.Photos.MediaTexts[0]"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("Media.DecorativeMarks", badMarks["messages"]!["Album.Photos.Decorative"]![0]!["key"]!.GetValue<string>());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.ContentItemVersions.CountAsync(v => v.ContentType == "Album"));
        }

        var described = await client.PostItemAsync(Album(["albums/rynek.jpg", "albums/plan.pdf"], ["Rynek nocą, ratusz oświetlony", ""]).ToJsonString());
        var decorative = await client.PostItemAsync(Album(["albums/rynek.jpg"], [""], [true]).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decorative.StatusCode);
        var stored = await (await client.GetAsync("/api/content/" + (await decorative.JsonAsync())["ContentItemId"]!.GetValue<string>())).JsonAsync();
        Assert.True(stored["Album"]!["Photos"]!["Decorative"]![0]!.GetValue<bool>());
        Assert.Equal("", stored["Album"]!["Photos"]!["MediaTexts"]![0]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFieldWithoutTheSettingTakesAnImageWithoutTextAsOrchardCoreDoes(string provider)
    {
        var (app, client) = await StartAsync(provider);
        using var _ = app;

        var response = await client.PostItemAsync(new JsonObject
        {
            ["ContentType"] = "Article",
            ["TitlePart"] = new JsonObject { ["Title"] = "Rynek" },
            ["Article"] = new JsonObject
            {
                ["Lead"] = new JsonObject { ["Text"] = "x" },
                ["Photo"] = new JsonObject { ["Paths"] = new JsonArray("albums/rynek.jpg") },
            },
        }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ARecipeGetsTheSameAnswerAsTheApi()
    {
        var (app, _) = await StartAsync(Providers.Sqlite);
        using var __ = app;

        var result = await app.RunRecipeAsync("""
        { "name": "album content", "steps": [ { "name": "content", "Data": [
          { "ContentItemId": "albumwithoutalttext0000000", "ContentType": "Album", "TitlePart": { "Title": "Rynek" },
            "Album": { "Photos": { "Paths": ["albums/rynek.jpg"], "MediaTexts": [""] } } } ] } ] }
        """);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Album.Photos.MediaTexts[0]", error.Field);
        Assert.Contains("Photos: the image rynek.jpg needs an alternative text, or mark it as decorative.", error.Message, StringComparison.Ordinal);
    }
}
