using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

public sealed class MediaLibraryTests
{
    /// <summary>An empty site with the Article type and an API client that manages every media folder.</summary>
    private static async Task<(TwinningApplication App, HttpClient Client)> StartAsync(string provider = Providers.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var app = new TwinningApplication(provider, runRecipe: false, settings);
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder", "AccessContentApi", "EditContent", "PublishContent", "DeleteContent");
        return (app, await app.CreateClientWithRolesAsync("MediaEditor"));
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.JsonAsync();
    }

    private static string Error(JsonObject problem, string field) => string.Join(" ", problem["errors"]![field]!.AsArray().Select(e => e!.GetValue<string>()));

    [Fact]
    public async Task ImagesComeWithASrcsetAttributeOfAbsoluteUrlsUnderThePublicAddress()
    {
        var (app, client) = await StartAsync(settings: new Dictionary<string, string?> { ["Twinning:Hosting:PublicBaseUrl"] = "https://cms.gdansk.example" });
        using var _ = app;
        await client.UploadAsync("gallery", ("rynek.jpg", TestImages.Jpeg(700, 400)));

        var file = (await (await client.GetAsync("/api/media/file?path=gallery/rynek.jpg")).JsonAsync())["file"]!;

        var expected = string.Join(", ", file["srcset"]!.AsArray().Select(s => $"https://cms.gdansk.example{s!["url"]!.GetValue<string>()} {s["width"]!.GetValue<int>()}w"));
        Assert.Equal(expected, file["srcsetAttribute"]!.GetValue<string>());
        Assert.StartsWith("https://cms.gdansk.example/media/gallery/rynek.jpg?v=", expected, StringComparison.Ordinal);
        Assert.EndsWith(" 640w", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadedPhotosAreListedAndServedUnderMedia()
    {
        var (app, client) = await StartAsync();
        using var _ = app;
        var photo = TestImages.Jpeg(700, 400);

        var upload = await client.UploadAsync("gallery/2024", ("Rynek Kościuszki.jpg", photo), ("herb.png", TestImages.Png(16, 16)));
        var listing = await (await client.GetAsync("/api/media?path=gallery/2024")).JsonAsync();
        var served = await app.CreateClient().GetAsync("/media/gallery/2024/Rynek-Kościuszki.jpg");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var stored = (await upload.JsonAsync())["files"]!.AsArray();
        Assert.Equal("gallery/2024/Rynek-Kościuszki.jpg", stored[0]!["path"]!.GetValue<string>());
        Assert.Equal(700, stored[0]!["width"]!.GetValue<int>());
        Assert.Equal(400, stored[0]!["height"]!.GetValue<int>());
        var srcset = stored[0]!["srcset"]!.AsArray();
        Assert.Equal([320, 640], srcset.Select(s => s!["width"]!.GetValue<int>()));
        Assert.Equal(320, TestImages.Decode(await app.CreateClient().GetByteArrayAsync(srcset[0]!["url"]!.GetValue<string>())).Width);
        Assert.Null(stored[1]!["srcset"]!.AsArray().FirstOrDefault());
        Assert.Null(stored[1]!["srcsetAttribute"]);
        Assert.Equal("image/png", stored[1]!["mimeType"]!.GetValue<string>());
        Assert.Equal(["Rynek-Kościuszki.jpg", "herb.png"], listing["files"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ARenamedExecutableIsRefusedAndNothingOfTheUploadIsStored()
    {
        var (app, client) = await StartAsync();
        using var _ = app;

        var upload = await client.UploadAsync("docs", ("program.pdf", "%PDF-1.4 plan"u8.ToArray()), ("zdjecie.jpg", MediaUploads.Executable()));

        var problem = await ProblemAsync(upload, HttpStatusCode.BadRequest);
        Assert.Contains("'zdjecie.jpg' is not a '.jpg' file", Error(problem, "files[1]"));
        Assert.Null(problem["errors"]!["files[0]"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/media?path=docs")).StatusCode);
        Assert.False(File.Exists(Path.Combine(app.DataPath, "Media", "docs", "program.pdf")));
    }

    [Fact]
    public async Task AnExtensionOutsideTheAllowedListIsRefused()
    {
        var (app, client) = await StartAsync();
        using var _ = app;

        var upload = await client.UploadAsync("", ("setup.exe", MediaUploads.Executable()));

        Assert.Contains("'.exe' file, which the library does not take", Error(await ProblemAsync(upload, HttpStatusCode.BadRequest), "files[0]"));
    }

    [Fact]
    public async Task AConfiguredExtensionListReplacesTheDefaultOne()
    {
        var (app, client) = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["Twinning:Media:AllowedFileExtensions:0"] = ".jpg",
            ["Twinning:Media:AllowedFileExtensions:1"] = ".pdf",
        });
        using var _ = app;

        var png = await client.UploadAsync("", ("herb.png", TestImages.Png(4, 4)));
        var jpg = await client.UploadAsync("", ("herb.jpg", TestImages.Jpeg(4, 4)));

        Assert.Contains("it takes .jpg, .pdf", Error(await ProblemAsync(png, HttpStatusCode.BadRequest), "files[0]"));
        Assert.Equal(HttpStatusCode.Created, jpg.StatusCode);
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedNamingTheLimit()
    {
        var (app, client) = await StartAsync(settings: new Dictionary<string, string?> { ["Twinning:Media:MaxFileSize"] = "20000" });
        using var _ = app;
        var noise = MediaSite.Noise(300, 300);

        var upload = await client.UploadAsync("", ("szum.png", noise));

        Assert.Contains("larger than the limit of 0 MB", Error(await ProblemAsync(upload, HttpStatusCode.BadRequest), "files[0]").Replace("0.0 MB", "0 MB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APixelBombIsRefusedFromItsHeader()
    {
        var (app, client) = await StartAsync();
        using var _ = app;
        var bomb = MediaUploads.PixelBomb();

        var upload = await client.UploadAsync("", ("mapa.png", bomb));

        Assert.True(bomb.Length < 2000, $"the bomb is {bomb.Length} bytes");
        Assert.Contains("is 30000 × 30000 pixels (900 megapixels); the limit is 50 megapixels", Error(await ProblemAsync(upload, HttpStatusCode.BadRequest), "files[0]"));
    }

    [Fact]
    public async Task AnAnimationCountsEveryFrameAgainstThePixelLimit()
    {
        var (app, client) = await StartAsync(settings: new Dictionary<string, string?> { ["Twinning:Media:MaxPixels"] = "100000" });
        using var _ = app;

        // 200 × 100 pixels: 20,000 in one frame, 120,000 in six.
        var still = await client.UploadAsync("", ("baner.gif", MediaUploads.AnimatedGif(200, 100, frames: 1)));
        var animated = await client.UploadAsync("", ("baner-ruchomy.gif", MediaUploads.AnimatedGif(200, 100, frames: 6)));

        Assert.Equal(HttpStatusCode.Created, still.StatusCode);
        Assert.Contains("is 200 × 100 pixels in 6 frames (0.1 megapixels); the limit is 0.1 megapixels",
            Error(await ProblemAsync(animated, HttpStatusCode.BadRequest), "files[0]"));
    }

    [Fact]
    public async Task AHostileSvgIsStoredWithoutWhatCouldRunOrFetch()
    {
        var (app, client) = await StartAsync();
        using var _ = app;

        var upload = await client.UploadAsync("logos", ("herb.svg", MediaUploads.Utf8(MediaUploads.HostileSvg)));
        var served = await app.CreateClient().GetAsync("/media/logos/herb.svg");
        var stored = await served.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Contains("<circle", stored);
        Assert.Contains("Herb miasta", stored);
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var gone in new[] { "script", "onload", "onclick", "javascript:", "foreignObject", "iframe", "tracker.example", "evil.example" })
        {
            Assert.DoesNotContain(gone, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AnSvgWithEntitiesIsRefused()
    {
        var (app, client) = await StartAsync();
        using var _ = app;

        var upload = await client.UploadAsync("", ("lol.svg", MediaUploads.Utf8(MediaUploads.SvgWithEntities)));

        Assert.Contains("is not a well-formed SVG file", Error(await ProblemAsync(upload, HttpStatusCode.BadRequest), "files[0]"));
    }

    [Fact]
    public async Task TraversalNamesAreFlattenedAndCollisionsGetNumbers()
    {
        var (app, client) = await StartAsync();
        using var _ = app;

        var first = await client.UploadAsync("gallery", ("../../../etc/passwd.jpg", TestImages.Jpeg(8, 8)));
        var second = await client.UploadAsync("gallery", ("passwd.jpg", TestImages.Jpeg(8, 8)), ("PASSWD.JPG", TestImages.Jpeg(8, 8)));
        var outside = await client.UploadAsync("../outside", ("a.jpg", TestImages.Jpeg(8, 8)));

        Assert.Equal("gallery/passwd.jpg", (await first.JsonAsync())["files"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(["gallery/passwd-2.jpg", "gallery/PASSWD-3.jpg"],
            (await second.JsonAsync())["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()));
        Assert.Contains("is not a path in the media library", Error(await ProblemAsync(outside, HttpStatusCode.BadRequest), "path"));
        Assert.False(File.Exists(Path.Combine(app.DataPath, "outside", "a.jpg")));
    }

    [Fact]
    public async Task ConcurrentUploadsOfOneNameKeepEveryFile()
    {
        var (app, client) = await StartAsync();
        using var _ = app;

        var uploads = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.UploadAsync("plakaty", ("plakat.png", TestImages.Png(4, 4)))));

        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.Created, u.StatusCode));
        var paths = await Task.WhenAll(uploads.Select(async u => (await u.JsonAsync())["files"]![0]!["path"]!.GetValue<string>()));
        Assert.Equal(6, paths.Distinct().Count());
        Assert.Equal(6, Directory.GetFiles(Path.Combine(app.DataPath, "Media", "plakaty")).Length);
    }

    /// <summary>A 40 × 30 photograph in a format that can carry EXIF: "jpg", "png" or "webp".</summary>
    private static byte[] Photo(string format) => format switch
    {
        "png" => TestImages.Png(40, 30),
        "webp" => TestImages.Draw(40, 30, ".webp", canvas => canvas.Clear(SkiaSharp.SKColors.Teal)),
        _ => TestImages.Jpeg(40, 30),
    };

    [Theory]
    [InlineData("jpg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task LocationIsRemovedFromPhotographsAndOrientationStays(string format)
    {
        var (app, client) = await StartAsync();
        using var _ = app;
        var image = Photo(format);
        var photo = MediaUploads.WithExif(image, MediaUploads.LocationExif());
        Assert.Contains((ushort)0x0002, MediaUploads.ExifTags(MediaUploads.ExifOf(photo)!).Gps);

        await client.UploadAsync("", ($"spacer.{format}", photo));
        var stored = await app.CreateClient().GetByteArrayAsync($"/media/spacer.{format}");

        var (main, gps) = MediaUploads.ExifTags(MediaUploads.ExifOf(stored) ?? throw new Xunit.Sdk.XunitException("the EXIF block is gone"));
        Assert.DoesNotContain((ushort)0x0001, gps);
        Assert.DoesNotContain((ushort)0x0002, gps);
        Assert.Equal(6u, main[0x0112]);
        Assert.Equal((40, 30), (TestImages.Decode(stored).Width, TestImages.Decode(stored).Height));
    }

    /// <summary>EXIF whose GPS pointer is the last 32-bit offset: it once wrapped round to the block's start and the
    /// upload failed with a server error.</summary>
    [Theory]
    [InlineData("jpg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task APhotographWhoseEXIFPointsPastItsEndIsKeptWithoutTheEXIF(string format)
    {
        var (app, client) = await StartAsync();
        using var _ = app;
        var image = Photo(format);
        var exif = MediaUploads.LocationExif();
        // IFD0's second entry, GPSInfo: its value, the GPS directory's offset.
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(exif.AsSpan(22 + 8), uint.MaxValue);

        var response = await client.UploadAsync("", ($"spacer.{format}", MediaUploads.WithExif(image, exif)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await app.CreateClient().GetByteArrayAsync($"/media/spacer.{format}");
        Assert.Null(MediaUploads.ExifOf(stored));
        Assert.Equal((40, 30), (TestImages.Decode(stored).Width, TestImages.Decode(stored).Height));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFileContentUsesCannotBeDeletedOrMovedUntilTheContentIsGone(string provider)
    {
        var (app, client) = await StartAsync(provider);
        using var _ = app;
        await client.UploadAsync("news", ("otwarcie.jpg", TestImages.Jpeg(8, 8)));
        var article = await (await client.PostItemAsync("""
            { "ContentType": "Article", "TitlePart": { "Title": "Otwarcie mostu" }, "Article": { "Lead": { "Text": "x" },
              "Photo": { "Paths": ["news/otwarcie.jpg"], "MediaTexts": ["Most"] } } }
            """)).JsonAsync();
        var id = article["ContentItemId"]!.GetValue<string>();

        var delete = await client.DeleteAsync("/api/media?path=news/otwarcie.jpg");
        var deleteFolder = await client.DeleteAsync("/api/media/folders?path=news");
        var move = await client.PostAsJsonAsync("/api/media/move", new { from = "news/otwarcie.jpg", to = "news/most.jpg" });
        var details = await (await client.GetAsync("/api/media/file?path=news/otwarcie.jpg")).JsonAsync();
        await client.DeleteAsync($"/api/content/{id}");
        var deleteAfter = await client.DeleteAsync("/api/media?path=news/otwarcie.jpg");

        var problem = await ProblemAsync(delete, HttpStatusCode.Conflict);
        var use = problem["usedBy"]!.AsArray().Single()!;
        Assert.Equal(id, use["contentItemId"]!.GetValue<string>());
        Assert.Equal("Otwarcie mostu", use["displayText"]!.GetValue<string>());
        Assert.Equal("Article.Photo", use["field"]!.GetValue<string>());
        Assert.Equal(id, (await ProblemAsync(deleteFolder, HttpStatusCode.Conflict))["usedBy"]![0]!["contentItemId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        Assert.Equal(id, details["usedBy"]![0]!["contentItemId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleteAfter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/media/news/otwarcie.jpg")).StatusCode);
    }

    [Fact]
    public async Task ADraftThatUsesAFileAlsoProtectsIt()
    {
        var (app, client) = await StartAsync();
        using var _ = app;
        await client.UploadAsync("", ("szkic.jpg", TestImages.Jpeg(8, 8)));
        await client.PostItemAsync("""
            { "ContentType": "Article", "TitlePart": { "Title": "Szkic" }, "Article": { "Lead": { "Text": "x" }, "Photo": { "Paths": ["szkic.jpg"], "MediaTexts": [""] } } }
            """, draft: true);

        var delete = await client.DeleteAsync("/api/media?path=szkic.jpg");

        var use = (await ProblemAsync(delete, HttpStatusCode.Conflict))["usedBy"]![0]!;
        Assert.False(use["published"]!.GetValue<bool>());
        Assert.True(use["latest"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GalleryPhotosInsideABagAreProtected()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        app.CreateClient();
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder");
        var client = await app.CreateClientWithRolesAsync("MediaEditor");

        var delete = await client.DeleteAsync("/api/media?path=gallery/bialystok-2013/img-3855.jpg");

        var use = (await ProblemAsync(delete, HttpStatusCode.Conflict))["usedBy"]![0]!;
        Assert.Equal("Gallery", use["contentType"]!.GetValue<string>());
        Assert.StartsWith("Photos.", use["field"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(app.DataPath, "Media", "gallery", "bialystok-2013", "img-3855.jpg")));
    }

    [Fact]
    public async Task FoldersAreCreatedRenamedAndDeleted()
    {
        var (app, client) = await StartAsync();
        using var _ = app;

        var created = await client.PostAsJsonAsync("/api/media/folders", new { path = "forum/2025" });
        await client.UploadAsync("forum/2025", ("plakat.png", TestImages.Png(8, 8)));
        var renamedFile = await client.PostAsJsonAsync("/api/media/move", new { from = "forum/2025/plakat.png", to = "forum/2025/plakat-forum.png" });
        var renamedFolder = await client.PostAsJsonAsync("/api/media/move", new { from = "forum/2025", to = "forum/forum-2025" });
        var exists = await client.PostAsJsonAsync("/api/media/folders", new { path = "forum/forum-2025" });
        var changesExtension = await client.PostAsJsonAsync("/api/media/move", new { from = "forum/forum-2025/plakat-forum.png", to = "forum/forum-2025/plakat.exe" });
        var listing = await (await client.GetAsync("/api/media?path=forum/forum-2025")).JsonAsync();
        var deleted = await client.DeleteAsync("/api/media/folders?path=forum");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamedFile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamedFolder.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, exists.StatusCode);
        Assert.Contains("keeps its extension", Error(await ProblemAsync(changesExtension, HttpStatusCode.BadRequest), "to"));
        Assert.Equal("forum/forum-2025/plakat-forum.png", listing["files"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "Media", "forum")));
    }

    [Fact]
    public async Task EveryNewFolderOfAPathNeedsASafeName()
    {
        var (app, client) = await StartAsync();
        using var _ = app;
        await client.UploadAsync("forum", ("plakat.png", TestImages.Png(8, 8)));
        // A folder made before the rule, outside the API, stays usable.
        await app.AddFileAsync("stary folder/a.png", TestImages.Png(8, 8));

        var created = await client.PostAsJsonAsync("/api/media/folders", new { path = "forum/<b>x/2025" });
        var uploaded = await client.UploadAsync("forum/<i>y", ("plakat.png", TestImages.Png(8, 8)));
        var moved = await client.PostAsJsonAsync("/api/media/move", new { from = "forum/plakat.png", to = "<s>z/plakat.png" });
        var intoOld = await client.UploadAsync("stary folder", ("b.png", TestImages.Png(8, 8)));
        var listing = await (await client.GetAsync("/api/media?path=forum")).JsonAsync();

        Assert.Contains("'<b>x' is not a safe folder name", Error(await ProblemAsync(created, HttpStatusCode.BadRequest), "path"));
        Assert.Contains("'<i>y' is not a safe folder name", Error(await ProblemAsync(uploaded, HttpStatusCode.BadRequest), "path"));
        Assert.Contains("'<s>z' is not a safe folder name", Error(await ProblemAsync(moved, HttpStatusCode.BadRequest), "to"));
        Assert.Equal(HttpStatusCode.Created, intoOld.StatusCode);
        Assert.Empty(listing["folders"]!.AsArray());
        Assert.Equal(["plakat.png"], listing["files"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(["forum", "stary folder"], Directory.GetDirectories(Path.Combine(app.DataPath, "Media")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheLibraryFollowsOrchardsMediaPermissions()
    {
        var (app, editor) = await StartAsync();
        using var _ = app;
        await app.DefineRoleAsync("Reader", "ManageMediaContent");
        await app.DefineRoleAsync("Author", "ManageOwnMediaContent");
        var reader = await app.CreateClientWithRolesAsync("Reader");
        var author = await app.CreateClientWithRolesAsync("Author");
        var authorId = ApiClients.ReadPayload(author.DefaultRequestHeaders.Authorization!.Parameter!)["sub"]!.GetValue<string>();

        var anonymous = await app.CreateClient().GetAsync("/api/media");
        var readerLists = await reader.GetAsync("/api/media");
        var readerUploads = await reader.UploadAsync("gallery", ("a.png", TestImages.Png(4, 4)));
        var authorOwn = await author.UploadAsync($"_Users/{authorId}", ("moje.png", TestImages.Png(4, 4)));
        var authorOthers = await author.UploadAsync("_Users/someone-else", ("cudze.png", TestImages.Png(4, 4)));
        var authorShared = await author.UploadAsync("gallery", ("a.png", TestImages.Png(4, 4)));
        var editorAnywhere = await editor.UploadAsync("_Users/someone-else", ("od-redakcji.png", TestImages.Png(4, 4)));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readerLists.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerUploads.StatusCode);
        Assert.Equal(HttpStatusCode.Created, authorOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, authorOthers.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, authorShared.StatusCode);
        Assert.Equal(HttpStatusCode.Created, editorAnywhere.StatusCode);
    }

    [Fact]
    public async Task ARecipeCannotShipARenamedExecutable()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        app.CreateClient();

        var result = await app.RunRecipeAsync("""
            { "name": "media", "steps": [ { "name": "media", "Files": [
              { "TargetPath": "ok/logo.png", "Base64": "$PNG" },
              { "TargetPath": "bad/photo.jpg", "Base64": "$EXE" } ] } ] }
            """.Replace("$PNG", Convert.ToBase64String(TestImages.Png(4, 4)), StringComparison.Ordinal)
              .Replace("$EXE", Convert.ToBase64String(MediaUploads.Executable()), StringComparison.Ordinal));

        Assert.False(result.Succeeded);
        Assert.Contains("Files[1]", result.ToString());
        Assert.Contains("'bad/photo.jpg' is not a '.jpg' file", result.ToString());
        Assert.False(File.Exists(Path.Combine(app.DataPath, "Media", "ok", "logo.png")));
    }
}
