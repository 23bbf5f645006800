using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>A MediaField holds only paths the library itself reads the same way and has a file for, so every stored
/// path has the reference row that keeps its file from being deleted or moved.</summary>
public sealed class MediaFieldPathTests
{
    private static async Task<(TwinningApplication App, HttpClient Client)> StartAsync(string provider)
    {
        var app = new TwinningApplication(provider, runRecipe: false);
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder", "AccessContentApi", "EditContent", "PublishContent", "DeleteContent");
        var client = await app.CreateClientWithRolesAsync("MediaEditor");
        Assert.Equal(HttpStatusCode.Created, (await client.UploadAsync("gallery", ("a.jpg", TestImages.Jpeg(8, 8)))).StatusCode);
        return (app, client);
    }

    private static Task<HttpResponseMessage> PostArticleAsync(HttpClient client, string path)
        => client.PostItemAsync(new JsonObject
        {
            ["ContentType"] = "Article",
            ["TitlePart"] = new JsonObject { ["Title"] = "Galeria" },
            ["Article"] = new JsonObject
            {
                ["Lead"] = new JsonObject { ["Text"] = "x" },
                ["Photo"] = new JsonObject { ["Paths"] = new JsonArray(path) },
            },
        }.ToJsonString());

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PathsTheLibraryWouldNotReadAsTheFileAreRefusedAndNothingIsStored(string provider)
    {
        var (app, client) = await StartAsync(provider);
        using var _ = app;
        string[] refused =
        [
            "./gallery/a.jpg", "gallery/a.jpg:stream", "C:/gallery/a.jpg", "/gallery/a.jpg", "gallery\\a.jpg", "gallery//a.jpg",
            "/etc/passwd", "gallery/missing.jpg", "gallery/a.jpg\u0000", "%2e%2e/gallery/a.jpg", "../gallery/a.jpg", "",
        ];

        foreach (var path in refused)
        {
            var response = await PostArticleAsync(client, path);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"'{path}': {response.StatusCode}");
            var problem = await response.JsonAsync();
            Assert.True(problem["errors"]!["Article.Photo.Paths[0]"] is JsonArray, $"'{path}': {problem.ToJsonString()}");
        }
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.ContentItemVersions.CountAsync(v => v.ContentType == "Article"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AStoredPathAlwaysProtectsItsFile(string provider)
    {
        var (app, client) = await StartAsync(provider);
        using var _ = app;

        var saved = await PostArticleAsync(client, "gallery/a.jpg");
        var details = await (await client.GetAsync("/api/media/file?path=gallery/a.jpg")).JsonAsync();
        var delete = await client.DeleteAsync("/api/media?path=gallery/a.jpg");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var id = (await saved.JsonAsync())["ContentItemId"]!.GetValue<string>();
        Assert.Equal(id, details["usedBy"]!.AsArray().Single()!["contentItemId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
    }
}
