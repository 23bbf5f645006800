using System.Net;
using System.Text.Json.Nodes;
using SkiaSharp;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Media.MediaSite;

namespace Twinning.Web.Tests.Media;

/// <summary>Orchard Core's resize commands on /media URLs, through the real host over HTTP, checked on the images served.</summary>
public sealed class MediaResizingTests
{
    private static async Task<TestImage> GetImageAsync(TwinningApplication app, string pathAndQuery)
    {
        var response = await app.CreateClient().GetAsync(app.Sign(pathAndQuery));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return Decode(body);
    }

    [Theory]
    [InlineData("max", 100, 50)]
    [InlineData("crop", 100, 100)]
    [InlineData("pad", 100, 100)]
    [InlineData("boxpad", 100, 100)]
    [InlineData("min", 200, 100)]
    [InlineData("stretch", 100, 100)]
    public async Task EachModeGivesTheDimensionsOrchardGives(string mode, int width, int height)
    {
        using var app = Start();
        await app.AddFileAsync("photos/wide.png", TwoColours(400, 200));

        var image = await GetImageAsync(app, $"/media/photos/wide.png?width=100&height=100&rmode={mode}");

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public async Task WithoutAModeTheImageFitsInsideTheBox()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var image = await GetImageAsync(app, "/media/wide.png?width=100&height=100");
        var byHeight = await GetImageAsync(app, "/media/wide.png?height=50");

        Assert.Equal((100, 50), (image.Width, image.Height));
        Assert.Equal((100, 50), (byHeight.Width, byHeight.Height));
        Assert.True(IsNear(Pixel(image, 10, 25), 255, 0, 0) && IsNear(Pixel(image, 90, 25), 0, 0, 255));
    }

    [Fact]
    public async Task StretchDistortsAndMinNeverEnlarges()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var stretched = await GetImageAsync(app, "/media/wide.png?width=50&height=300&rmode=stretch");
        var notEnlarged = await GetImageAsync(app, "/media/wide.png?width=800&height=800&rmode=min");

        Assert.Equal((50, 300), (stretched.Width, stretched.Height));
        // The colour boundary stays in the middle: the image was squeezed, not cropped.
        Assert.True(IsNear(Pixel(stretched, 20, 150), 255, 0, 0) && IsNear(Pixel(stretched, 30, 150), 0, 0, 255));
        Assert.Equal((400, 200), (notEnlarged.Width, notEnlarged.Height));
    }

    [Theory]
    [InlineData("0,0.5", 255, 0, 0)]
    [InlineData("1,0.5", 0, 0, 255)]
    public async Task CropKeepsTheFocalPoint(string focalPoint, int r, int g, int b)
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var image = await GetImageAsync(app, $"/media/wide.png?width=100&height=100&rmode=crop&rxy={focalPoint}");

        Assert.Equal((100, 100), (image.Width, image.Height));
        Assert.True(IsNear(Pixel(image, 5, 50), r, g, b) && IsNear(Pixel(image, 95, 50), r, g, b), string.Join(",", Pixel(image, 95, 50)));
    }

    [Fact]
    public async Task CropWithoutAFocalPointKeepsTheCentre()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var image = await GetImageAsync(app, "/media/wide.png?width=100&height=100&rmode=crop");

        Assert.True(IsNear(Pixel(image, 10, 50), 255, 0, 0) && IsNear(Pixel(image, 90, 50), 0, 0, 255));
    }

    [Theory]
    [InlineData("white", 255, 255, 255, 255)]
    [InlineData("ffff00", 255, 255, 0, 255)]
    [InlineData("ffff0080", 255, 255, 0, 128)]
    [InlineData("128,64,32", 128, 64, 32, 255)]
    [InlineData("128,64,32,16", 128, 64, 32, 16)]
    public async Task PadFillsWithTheBackgroundColour(string bgcolor, int r, int g, int b, int a)
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var image = await GetImageAsync(app, $"/media/wide.png?width=100&height=100&rmode=pad&bgcolor={bgcolor}");

        Assert.Equal((100, 100), (image.Width, image.Height));
        var padding = Pixel(image, 50, 5);
        Assert.True(IsNear(padding, r, g, b, a) || (a == 255 && padding.Length == 3 && IsNear(padding, r, g, b)), string.Join(",", padding));
        Assert.True(IsNear(Pixel(image, 10, 50), 255, 0, 0));
    }

    [Fact]
    public async Task BoxPadCentresASmallImageWithoutEnlargingIt()
    {
        using var app = Start();
        await app.AddFileAsync("small.png", TwoColours(40, 20));

        var image = await GetImageAsync(app, "/media/small.png?width=100&height=100&rmode=boxpad&bgcolor=white");

        Assert.Equal((100, 100), (image.Width, image.Height));
        Assert.True(IsNear(Pixel(image, 5, 5), 255, 255, 255));
        // The source sits at (30, 40), unscaled: its red half spans x 30-49, its blue half 50-69.
        Assert.True(IsNear(Pixel(image, 35, 50), 255, 0, 0) && IsNear(Pixel(image, 65, 50), 0, 0, 255));
        Assert.True(IsNear(Pixel(image, 75, 50), 255, 255, 255));
    }

    [Theory]
    [InlineData("jpg", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData("gif", "image/gif", new byte[] { 0x47, 0x49, 0x46, 0x38 })]
    [InlineData("webp", "image/webp", new byte[] { 0x52, 0x49, 0x46, 0x46 })]
    public async Task FormatChangesTheEncoding(string format, string contentType, byte[] magic)
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var response = await app.CreateClient().GetAsync(app.Sign($"/media/wide.png?width=80&format={format}"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(magic, body[..magic.Length]);
        var image = Decode(body);
        Assert.Equal(80, image.Width);
        // The picture itself, red left and blue right, in every format (GIF's colours are Twinning's own encoder's).
        Assert.True(IsNear(Pixel(image, 10, 20), 255, 0, 0) && IsNear(Pixel(image, 70, 20), 0, 0, 255));
    }

    [Fact]
    public async Task ReencodingWithoutANewSizeKeepsEveryPixel()
    {
        using var app = Start();
        var noise = Noise(64, 48, ".png");
        await app.AddFileAsync("noise.png", noise);

        var image = await GetImageAsync(app, "/media/noise.png?format=png");

        Assert.Equal(Decode(noise).Rgba, image.Rgba);
    }

    [Theory]
    [InlineData(75, 0x22)]
    [InlineData(89, 0x22)]
    [InlineData(90, 0x11)]
    public async Task JpegKeepsColourAtFullResolutionFromQuality90(int quality, int lumaSampling)
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var body = await (await app.CreateClient().GetAsync(app.Sign($"/media/wide.png?width=80&format=jpg&quality={quality}"))).Content.ReadAsByteArrayAsync();

        // The frame header (SOF0, FF C0): length, precision, height, width, components, then per component its id and
        // its sampling factors; the luma's are 2×2 when colour is at half resolution (4:2:0), 1×1 when at full (4:4:4).
        var frame = body.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        Assert.True(frame > 0, "no baseline frame header");
        Assert.Equal(lumaSampling, body[frame + 11]);
    }

    [Fact]
    public async Task WithoutAFormatTheSourceFormatIsKept()
    {
        using var app = Start();
        await app.AddFileAsync("photo.jpg", TwoColours(400, 200, ".jpg"));

        var response = await app.CreateClient().GetAsync(app.Sign("/media/photo.jpg?width=80"));

        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, (await response.Content.ReadAsByteArrayAsync())[..3]);
    }

    [Fact]
    public async Task LowerQualityMakesASmallerFile()
    {
        using var app = Start();
        await app.AddFileAsync("noise.jpg", Noise(600, 400, ".jpg"));
        var client = app.CreateClient();

        var low = await client.GetByteArrayAsync(app.Sign("/media/noise.jpg?width=300&quality=10"));
        var high = await client.GetByteArrayAsync(app.Sign("/media/noise.jpg?width=300&quality=95"));

        Assert.True(low.Length * 2 < high.Length, $"quality 10: {low.Length} bytes, quality 95: {high.Length} bytes");
    }

    [Fact]
    public async Task ExifOrientationIsAppliedUnlessTurnedOffAndMetadataIsStripped()
    {
        using var app = Start();
        // Stored 200×100 with orientation 6: displayed turned a quarter, 100×200.
        await app.AddFileAsync("turned.jpg", MediaUploads.WithExif(TwoColours(200, 100, ".jpg"), MediaUploads.OrientationExif(6)));

        var response = await app.CreateClient().GetAsync(app.Sign("/media/turned.jpg?width=50"));
        var body = await response.Content.ReadAsByteArrayAsync();
        var image = Decode(body);
        var unturned = await GetImageAsync(app, "/media/turned.jpg?width=50&autoorient=false");

        Assert.Equal((50, 100), (image.Width, image.Height));
        // Turned a quarter clockwise: the red left half is now the top.
        Assert.True(IsNear(Pixel(image, 25, 20), 255, 0, 0) && IsNear(Pixel(image, 25, 80), 0, 0, 255));
        Assert.Equal((50, 25), (unturned.Width, unturned.Height));
        Assert.Null(MediaUploads.ExifOf(body));
    }

    /// <summary>Phones and editing programs write the orientation into PNG (eXIf chunk) and WebP (EXIF chunk) too.</summary>
    [Theory]
    [InlineData(".png")]
    [InlineData(".webp")]
    public async Task ExifOrientationIsAppliedToPngAndWebPToo(string extension)
    {
        using var app = Start();
        await app.AddFileAsync("turned" + extension, MediaUploads.WithExif(TwoColours(200, 100, extension), MediaUploads.OrientationExif(6)));

        var image = await GetImageAsync(app, $"/media/turned{extension}?width=50&format=png");

        Assert.Equal((50, 100), (image.Width, image.Height));
        Assert.True(IsNear(Pixel(image, 25, 20), 255, 0, 0) && IsNear(Pixel(image, 25, 80), 0, 0, 255));
    }

    [Fact]
    public async Task AnImageInAnotherColourProfileIsServedInSrgb()
    {
        using var app = Start();
        var p3 = RedInDisplayP3(40, 20);
        await app.AddFileAsync("p3.png", p3);

        var image = await GetImageAsync(app, "/media/p3.png?width=20&format=jpg");

        // The file's own numbers are not sRGB's red; the variant, which carries no profile, is.
        Assert.False(IsNear(Pixel(Decode(p3), 10, 10), 255, 0, 0));
        Assert.True(IsNear(Pixel(image, 10, 5), 255, 0, 0), string.Join(",", Pixel(image, 10, 5)));
    }

    /// <summary>Each EXIF orientation as the EXIF standard defines it, on a stored picture whose quarters are red (top
    /// left), green (top right), blue (bottom left) and yellow (bottom right): the colours then displayed in those
    /// four places.</summary>
    [Theory]
    [InlineData(1, "RGBY")]
    [InlineData(2, "GRYB")]
    [InlineData(3, "YBGR")]
    [InlineData(4, "BYRG")]
    [InlineData(5, "RBGY")]
    [InlineData(6, "BRYG")]
    [InlineData(7, "YGBR")]
    [InlineData(8, "GYRB")]
    public async Task EveryExifOrientationIsShownAsTheStandardSays(ushort orientation, string quarters)
    {
        using var app = Start();
        var stored = TestImages.Draw(200, 100, ".jpg", canvas =>
        {
            foreach (var (x, y, colour) in new[] { (0, 0, SKColors.Red), (100, 0, SKColors.Lime), (0, 50, SKColors.Blue), (100, 50, SKColors.Yellow) })
            {
                using var paint = new SKPaint { Color = colour };
                canvas.DrawRect(x, y, 100, 50, paint);
            }
        });
        await app.AddFileAsync("quarters.jpg", MediaUploads.WithExif(stored, MediaUploads.OrientationExif(orientation)));

        // As PNG: a small JPEG would share its colour between quarters (half-resolution chroma in 16-pixel blocks).
        var image = await GetImageAsync(app, "/media/quarters.jpg?width=40&format=png");

        Assert.Equal(orientation >= 5 ? (40, 80) : (40, 20), (image.Width, image.Height));
        var shown = string.Concat(new[] { (1, 1), (3, 1), (1, 3), (3, 3) }.Select(q => Name(Pixel(image, image.Width * q.Item1 / 4, image.Height * q.Item2 / 4))));
        Assert.Equal(quarters, shown);
    }

    private static char Name(int[] pixel) => pixel switch
    {
        _ when IsNear(pixel, 255, 0, 0) => 'R',
        _ when IsNear(pixel, 0, 255, 0) => 'G',
        _ when IsNear(pixel, 0, 0, 255) => 'B',
        _ when IsNear(pixel, 255, 255, 0) => 'Y',
        _ => '?',
    };

    [Fact]
    public async Task AVersionAloneServesTheOriginalFile()
    {
        using var app = Start();
        var original = TwoColours(400, 200);
        await app.AddFileAsync("wide.png", original);

        var response = await app.CreateClient().GetAsync("/media/wide.png?v=abc123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AMissingFileIsNotFound()
    {
        using var app = Start();

        var response = await app.CreateClient().GetAsync(app.Sign("/media/nothing.png?width=100"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // Every command value the parser refuses is a case of MediaQueryParserTests.AnInvalidValueNamesItsParameter (no
    // host); this proves the media endpoint answers the parser's refusal with a problem naming the parameter.
    [Fact]
    public async Task AnInvalidValueIsAProblemNamingTheParameter()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var response = await app.CreateClient().GetAsync(app.Sign("/media/wide.png?width=100&rmode=zoom"));

        await AssertProblemAsync(response, "rmode");
    }

    [Fact]
    public async Task CommandsOnAFileThatIsNotAnImageAreAProblem()
    {
        using var app = Start();
        await app.AddFileAsync("docs/report.pdf", "%PDF-1.4 not an image"u8.ToArray());

        var response = await app.CreateClient().GetAsync(app.Sign("/media/docs/report.pdf?width=100"));

        await AssertProblemAsync(response, "width");
    }

    [Fact]
    public async Task AFileNamedLikeAnImageButNotOneIsAProblem()
    {
        using var app = Start();
        await app.AddFileAsync("fake.jpg", "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray());

        var response = await app.CreateClient().GetAsync(app.Sign("/media/fake.jpg?width=100"));

        await AssertProblemAsync(response, "path");
    }

    [Fact]
    public async Task SourcesAboveMaxPixelsAreRefusedFromTheirHeader()
    {
        using var app = Start(new Dictionary<string, string?> { ["Twinning:Media:MaxPixels"] = "5000" });
        await app.AddFileAsync("big.png", TwoColours(100, 100));

        var response = await app.CreateClient().GetAsync(app.Sign("/media/big.png?width=10"));

        var problem = await AssertProblemAsync(response, "path");
        Assert.Contains("100×100", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, app.Cache().Created);
    }

    [Fact]
    public async Task ResultsBeyondMaxResizeDimensionAreRefused()
    {
        using var app = Start(new Dictionary<string, string?> { ["Twinning:Media:MaxResizeDimension"] = "200" });
        await app.AddFileAsync("tall.png", TwoColours(100, 1000));

        // 150 wide is allowed, but keeps the aspect ratio: 1500 high.
        var derived = await app.CreateClient().GetAsync(app.Sign("/media/tall.png?width=150"));
        var given = await app.CreateClient().GetAsync(app.Sign("/media/tall.png?width=201"));

        await AssertProblemAsync(derived, "width");
        await AssertProblemAsync(given, "width");
    }

    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), text);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        return problem;
    }
}
