using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Media.Processing;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Media.MediaSite;

namespace Twinning.Web.Tests.Media;

/// <summary>URLs made by the module (the URL builder and GraphQL's media file fields) serve the images they describe.</summary>
public sealed class MediaUrlTests
{
    private const string Profiles = """
        { "name": "profiles", "steps": [ { "name": "MediaProfiles", "MediaProfiles": {
            "thumb": { "Width": 100, "Height": 100, "Mode": 2, "Format": 6, "Quality": 80 },
            "banner": { "Width": 300, "Mode": 1, "Format": 1, "Quality": 100 }
        } } ] }
        """;

    /// <summary>The Article site, readable through GraphQL by anyone.</summary>
    private static async Task<TwinningApplication> StartArticlesAsync(string provider)
    {
        var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Anonymous", "ViewContent", "AccessContentApi", "ExecuteGraphQL");
        return app;
    }

    private static async Task<(HttpResponseMessage Response, TestImage Image)> FetchAsync(TwinningApplication app, string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return (response, Decode(body));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GraphQLMediaFilesGiveSizesAndResizeUrlsThatServe(string provider)
    {
        using var app = await StartArticlesAsync(provider);
        Assert.True((await app.RunRecipeAsync(Profiles)).Succeeded);
        await app.AddFileAsync("photos/wide.jpg", TwoColours(1000, 500, ".jpg"));
        var article = Articles.New("Z galerią");
        article.Part("Article")!["Photo"] = JsonNode.Parse("""{ "Paths": ["photos/wide.jpg"], "Anchors": [ { "X": 1, "Y": 0.5 } ] }""");
        Assert.True((await app.SaveAsync(article)).Succeeded);

        // Free sizes, modes and colours are for callers who may change the media library.
        await app.DefineRoleAsync("MediaAuthor", "ViewContent", "AccessContentApi", "ExecuteGraphQL", "ManageOwnMediaContent");
        var body = await app.GraphQLAsync("""
            { article { photo { files {
                path url width height
                cropped: resizeUrl(width: 100, height: 100, mode: "crop")
                left: resizeUrl(width: 100, height: 100, mode: "crop", anchor: { x: 0, y: 0.5 })
                padded: resizeUrl(width: 100, height: 100, mode: "pad", bgcolor: "ffff00", format: "png")
                thumb: resizeUrl(profile: "thumb")
                banner: resizeUrl(profile: "banner")
                stored: resizeUrl(width: 200, autoorient: false)
                srcset { width url }
            } } } }
            """, client: await app.CreateClientWithRolesAsync("MediaAuthor"));

        Assert.Null(body["errors"]);
        var file = body["data"]!["article"]![0]!["photo"]!["files"]![0]!;
        Assert.Equal("/media/photos/wide.jpg", file["url"]!.GetValue<string>());
        Assert.Equal((1000, 500), (file["width"]!.GetValue<int>(), file["height"]!.GetValue<int>()));

        // A crop without an anchor argument uses the file's own anchor: the right, blue half.
        var (_, cropped) = await FetchAsync(app, file["cropped"]!.GetValue<string>());
        Assert.True(IsNear(Pixel(cropped, 50, 50), 0, 0, 255));
        var (_, left) = await FetchAsync(app, file["left"]!.GetValue<string>());
        Assert.True(IsNear(Pixel(left, 50, 50), 255, 0, 0));
        var (padResponse, padded) = await FetchAsync(app, file["padded"]!.GetValue<string>());
        Assert.Equal("image/png", padResponse.Content.Headers.ContentType!.MediaType);
        Assert.True(IsNear(Pixel(padded, 50, 2), 255, 255, 0));

        var (thumbResponse, thumb) = await FetchAsync(app, file["thumb"]!.GetValue<string>());
        Assert.Equal("image/webp", thumbResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal((100, 100), (thumb.Width, thumb.Height));
        Assert.Contains("quality=80", file["thumb"]!.GetValue<string>());
        // A BMP profile is served as PNG, which Twinning can write; quality 100 is left out as Orchard leaves it.
        var banner = file["banner"]!.GetValue<string>();
        Assert.Contains("format=png", banner);
        Assert.DoesNotContain("quality", banner);
        var (_, bannerImage) = await FetchAsync(app, banner);
        Assert.Equal((300, 150), (bannerImage.Width, bannerImage.Height));

        Assert.Contains("&autoorient=false&token=", file["stored"]!.GetValue<string>());

        var srcset = file["srcset"]!.AsArray();
        Assert.Equal([320, 640, 960], srcset.Select(e => e!["width"]!.GetValue<int>()));
        foreach (var entry in srcset)
        {
            var (_, image) = await FetchAsync(app, entry!["url"]!.GetValue<string>());
            Assert.Equal(entry["width"]!.GetValue<int>(), image.Width);
        }
    }

    [Fact]
    public async Task GraphQLGivesTheSrcsetAttributeWithAbsoluteUrlsUnderThePublicAddress()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite, new Dictionary<string, string?> { ["Twinning:Hosting:PublicBaseUrl"] = "https://cms.gdansk.example/" });
        await app.DefineRoleAsync("Anonymous", "ViewContent", "AccessContentApi", "ExecuteGraphQL");
        await app.AddFileAsync("photos/wide.jpg", TwoColours(700, 300, ".jpg"));
        var article = Articles.New("Z atrybutem");
        article.Part("Article")!["Photo"] = JsonNode.Parse("""{ "Paths": ["photos/wide.jpg"] }""");
        Assert.True((await app.SaveAsync(article)).Succeeded);

        var data = await app.DataAsync("""{ article { photo { files { srcset { width url } srcsetAttribute } } } }""");

        var files = data["article"]![0]!["photo"]!["files"]!.AsArray();
        var list = files[0]!["srcset"]!.AsArray();
        // The attribute is the list, each URL absolute under the configured address, ready for <img srcset="…">.
        Assert.Equal(
            string.Join(", ", list.Select(e => $"https://cms.gdansk.example{e!["url"]!.GetValue<string>()} {e["width"]!.GetValue<int>()}w")),
            files[0]!["srcsetAttribute"]!.GetValue<string>());
        Assert.Matches("^https://cms.gdansk.example/media/photos/wide.jpg\\?v=[0-9a-f]{12}&width=320&token=[^ ,]+ 320w, https://cms.gdansk.example/media/photos/wide.jpg\\?v=[0-9a-f]{12}&width=640&token=[^ ,]+ 640w$",
            files[0]!["srcsetAttribute"]!.GetValue<string>());
        // Each URL, taken without the public address, serves the image at its width.
        var (_, image) = await FetchAsync(app, list[1]!["url"]!.GetValue<string>());
        Assert.Equal(640, image.Width);
    }

    [Fact]
    public async Task AnUnknownProfileOrModeIsAGraphQLError()
    {
        using var app = await StartArticlesAsync(Providers.Sqlite);
        await app.AddFileAsync("a.jpg", TwoColours(100, 100, ".jpg"));
        var article = Articles.New("Bez profilu");
        article.Part("Article")!["Photo"] = JsonNode.Parse("""{ "Paths": ["a.jpg"] }""");
        Assert.True((await app.SaveAsync(article)).Succeeded);

        var profile = await app.GraphQLAsync("""{ article { photo { files { resizeUrl(profile: "nope") } } } }""");
        var mode = await app.GraphQLAsync("""{ article { photo { files { resizeUrl(width: 10, mode: "zoom") } } } }""");

        Assert.Contains("nope", profile["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Contains("zoom", mode["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnonymousCallersGetProfilesAndSupportedSizesOnly()
    {
        using var app = await StartArticlesAsync(Providers.Sqlite);
        Assert.True((await app.RunRecipeAsync(Profiles)).Succeeded);
        await app.AddFileAsync("a.jpg", TwoColours(400, 200, ".jpg"));
        var article = Articles.New("Dla wszystkich");
        article.Part("Article")!["Photo"] = JsonNode.Parse("""{ "Paths": ["a.jpg"] }""");
        Assert.True((await app.SaveAsync(article)).Succeeded);

        var body = await app.GraphQLAsync("""
            { article { photo { files {
                sized: resizeUrl(width: 100, height: 50)
                thumb: resizeUrl(profile: "thumb")
                width: resizeUrl(width: 101)
                height: resizeUrl(width: 100, height: 333)
                mode: resizeUrl(width: 100, mode: "crop")
                quality: resizeUrl(width: 100, quality: 99)
                format: resizeUrl(width: 100, format: "png")
                bgcolor: resizeUrl(width: 100, bgcolor: "white")
                anchor: resizeUrl(width: 100, anchor: { x: 0.1, y: 0.2 })
                autoorient: resizeUrl(width: 100, autoorient: false)
            } } } }
            """);

        var file = body["data"]!["article"]![0]!["photo"]!["files"]![0]!;
        var (_, sized) = await FetchAsync(app, file["sized"]!.GetValue<string>());
        Assert.Equal((100, 50), (sized.Width, sized.Height));
        var (_, thumb) = await FetchAsync(app, file["thumb"]!.GetValue<string>());
        Assert.Equal((100, 100), (thumb.Width, thumb.Height));
        var errors = body["errors"]!.AsArray().ToDictionary(e => e!["path"]!.AsArray().Last()!.GetValue<string>(), e => e!["message"]!.GetValue<string>());
        Assert.Equal(["anchor", "autoorient", "bgcolor", "format", "height", "mode", "quality", "width"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.StartsWith($"'{e.Key}'", e.Value, StringComparison.Ordinal));
        Assert.All(errors.Keys, alias => Assert.Null(file[alias]));
    }

    [Fact]
    public async Task OneRequestSignsAtMostTheConfiguredNumberOfResizeUrls()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Media:MaxResizeUrlsPerRequest"] = "3" });
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await app.DefineRoleAsync("Anonymous", "ViewContent", "AccessContentApi", "ExecuteGraphQL");
        await app.AddFileAsync("a.jpg", TwoColours(400, 200, ".jpg"));
        var article = Articles.New("Limit");
        article.Part("Article")!["Photo"] = JsonNode.Parse("""{ "Paths": ["a.jpg"] }""");
        Assert.True((await app.SaveAsync(article)).Succeeded);

        var body = await app.GraphQLAsync("""
            { article { photo { files { a: resizeUrl(width: 16) b: resizeUrl(width: 32) c: resizeUrl(width: 50) d: resizeUrl(width: 100) } } } }
            """);

        var file = body["data"]!["article"]![0]!["photo"]!["files"]![0]!;
        Assert.All(["a", "b", "c"], alias => Assert.NotNull(file[alias]));
        Assert.Null(file["d"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("d", error["path"]!.AsArray().Last()!.GetValue<string>());
        Assert.Contains("at most 3", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQLEscapesEachSegmentOfMediaUrls()
    {
        using var app = await StartArticlesAsync(Providers.Sqlite);
        await app.AddFileAsync("zdjęcia z rynku/plac #1.jpg", TwoColours(400, 200, ".jpg"));
        var article = Articles.New("Rynek");
        article.Part("Article")!["Photo"] = JsonNode.Parse("""{ "Paths": ["zdjęcia z rynku/plac #1.jpg"] }""");
        Assert.True((await app.SaveAsync(article)).Succeeded);

        var data = await app.DataAsync("""{ article { photo { files { url resizeUrl(width: 100) srcset { url } } } } }""");

        var file = data["article"]![0]!["photo"]!["files"]![0]!;
        const string escaped = "/media/zdj%C4%99cia%20z%20rynku/plac%20%231.jpg";
        Assert.Equal(escaped, file["url"]!.GetValue<string>());
        Assert.StartsWith(escaped + "?", file["resizeUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith(escaped + "?", file["srcset"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(file["url"]!.GetValue<string>())).StatusCode);
        var (_, resized) = await FetchAsync(app, file["resizeUrl"]!.GetValue<string>());
        Assert.Equal(100, resized.Width);
    }

    [Fact]
    public async Task TheUrlBuilderSignsWhatTheServerAccepts()
    {
        using var app = Start();
        await app.AddFileAsync("dir with space/wide.png", TwoColours(400, 200));

        var url = await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<MediaUrlBuilder>()
            .ResizeUrl("dir with space/wide.png", 100, 100, ResizeMode.Pad, 50, MediaFormat.WebP, new MediaAnchor(0.25f, 0.5f), "128,64,32")));
        var (response, image) = await FetchAsync(app, url);

        Assert.Matches("^/media/dir%20with%20space/wide.png\\?v=[0-9a-f]{12}&width=100&height=100&rmode=pad&format=webp&quality=50&rxy=0.25%2C0.5&bgcolor=128%2C64%2C32&token=", url);
        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((100, 100), (image.Width, image.Height));
    }

    [Fact]
    public async Task AReplacedFileGetsNewUrls()
    {
        using var app = Start();
        await app.AddFileAsync("photo.png", TwoColours(400, 200));
        Task<string> UrlAsync() => app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<MediaUrlBuilder>().ResizeUrl("photo.png", width: 100)));
        var before = await UrlAsync();
        var unchanged = await UrlAsync();

        await app.AddFileAsync("photo.png", TwoColours(300, 300));
        var after = await UrlAsync();

        Assert.Equal(before, unchanged);
        Assert.NotEqual(before, after);
        var (_, image) = await FetchAsync(app, after);
        Assert.Equal((100, 100), (image.Width, image.Height));
    }

    [Fact]
    public async Task SrcsetStopsAtTheImagesOwnWidthAndSkipsOtherFiles()
    {
        using var app = Start();
        await app.AddFileAsync("small.png", TwoColours(700, 100));
        await app.AddFileAsync("notes.txt", "text"u8.ToArray());

        var (small, text, info) = await app.InScopeAsync(s =>
        {
            var builder = s.GetRequiredService<MediaUrlBuilder>();
            return Task.FromResult((builder.Srcset("small.png"), builder.Srcset("notes.txt"), builder.GetImageInfo("small.png")));
        });

        Assert.Equal([320, 640], small.Select(e => e.Width));
        Assert.Empty(text);
        Assert.Equal(new MediaImageInfo(700, 100, MediaFormat.Png), info);
    }

    [Fact]
    public async Task WithoutTokensSrcsetOffersOnlySupportedSizes()
    {
        using var app = Start(new Dictionary<string, string?>
        {
            ["Twinning:Media:UseTokenizedQueryString"] = "false",
            ["Twinning:Media:SrcsetWidths:0"] = "480",
            ["Twinning:Media:SrcsetWidths:1"] = "500",
            ["Twinning:Media:SrcsetWidths:2"] = "1024",
        });
        await app.AddFileAsync("wide.png", TwoColours(1200, 100));

        var srcset = await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<MediaUrlBuilder>().Srcset("wide.png")));

        Assert.Equal([480, 1024], srcset.Select(e => e.Width));
        Assert.All(srcset, e => Assert.Matches($"^/media/wide.png\\?v=[0-9a-f]{{12}}&width={e.Width}$", e.Url));
        foreach (var (width, url) in srcset)
        {
            var (_, image) = await FetchAsync(app, url);
            Assert.Equal(width, image.Width);
        }
    }
}
