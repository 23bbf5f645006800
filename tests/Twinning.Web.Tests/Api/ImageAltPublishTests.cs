using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary>An image without an alt attribute in rich text: saved as a draft, refused on publishing through the REST API
/// with a problem naming the field (design: admin.md row 25).</summary>
public sealed class ImageAltPublishTests
{
    private const string Body = """<p>Rynek <img src=\"/media/forums/town-hall.jpg\"></p>""";

    private static string ArticleWith(string body, string? id = null)
        => $$"""{ {{(id is null ? "" : $"\"ContentItemId\": \"{id}\", ")}}"ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "x" } }, "HtmlBodyPart": { "Html": "{{body}}" } }""";

    [Fact]
    public async Task ADraftIsSavedButPublishingItIsRefusedNamingTheFieldUntilTheImageIsDescribed()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "ViewContent");
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var draft = await editor.PostItemAsync(ArticleWith(Body), draft: true);
        var id = (await draft.JsonAsync())["ContentItemId"]!.GetValue<string>();
        var publish = await editor.PostAsync($"/api/content/{id}/publish", null);
        var problem = await publish.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal("application/problem+json", publish.Content.Headers.ContentType?.MediaType);
        Assert.Contains("town-hall.jpg", problem["errors"]!["HtmlBodyPart.Html"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);

        // An update that publishes is refused the same way; with alt="" (decorative) it goes through.
        var update = await editor.PostItemAsync(ArticleWith(Body, id));
        var described = await editor.PostItemAsync(ArticleWith(Body.Replace("\\\">", "\\\" alt=\\\"\\\">", StringComparison.Ordinal), id));

        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.NotNull((await update.JsonAsync())["errors"]!["HtmlBodyPart.Html"]);
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
    }

    [Fact]
    public async Task CreatingAPublishedItemWithAnUndescribedImageIsRefused()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "ViewContent");
        var editor = await app.CreateClientWithRolesAsync("Editor");

        var response = await editor.PostItemAsync(ArticleWith(Body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""[{"key":"Html.ImageWithoutAlt","arguments":{"field":"HtmlBodyPart","images":"town-hall.jpg"}}]""",
            (await response.JsonAsync())["messages"]!["HtmlBodyPart.Html"]!.ToJsonString());
    }
}
