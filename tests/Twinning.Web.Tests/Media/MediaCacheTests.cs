using System.Net;
using System.Net.Http.Headers;
using static Twinning.Web.Tests.Media.MediaSite;

namespace Twinning.Web.Tests.Media;

/// <summary>The disk cache of resized images: HTTP caching headers, restarts, the size bound, and one computation per variant.</summary>
public sealed class MediaCacheTests
{
    [Fact]
    public async Task AVariantCarriesCachingHeadersAndAnswers304ToItsETag()
    {
        using var app = Start(new Dictionary<string, string?> { ["Twinning:Media:MaxCacheDays"] = "10" });
        await app.AddFileAsync("wide.png", TwoColours(400, 200));
        var client = app.CreateClient();
        var url = app.Sign("/media/wide.png?width=100");

        var first = await client.GetAsync(url);
        var again = await client.GetAsync(url);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal("public, max-age=864000", first.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("image/png", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(1, app.Cache().Created);
    }

    [Fact]
    public async Task AReplacedOriginalGetsANewVariant()
    {
        using var app = Start();
        await app.AddFileAsync("photo.png", TwoColours(400, 200));
        var client = app.CreateClient();
        var url = app.Sign("/media/photo.png?width=100");
        var before = await client.GetAsync(url);

        await app.AddFileAsync("photo.png", TwoColours(300, 300));
        var after = await client.GetAsync(url);

        var image = Decode(await after.Content.ReadAsByteArrayAsync());
        Assert.Equal((100, 100), (image.Width, image.Height));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task VariantsSurviveARestart()
    {
        using var data = new DataFolder();
        string url;
        EntityTagHeaderValue etag;
        byte[] content;
        using (var first = Start(dataPath: data.Path))
        {
            await first.AddFileAsync("wide.png", TwoColours(400, 200));
            url = first.Sign("/media/wide.png?width=100&format=webp");
            var response = await first.CreateClient().GetAsync(url);
            etag = response.Headers.ETag!;
            content = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(1, first.Cache().Created);
        }

        using var second = Start(dataPath: data.Path);
        var again = await second.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(content, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/webp", again.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, second.Cache().Created);
        Assert.Equal(1, second.Cache().Count);
    }

    [Fact]
    public async Task TheSizeBoundEvictsTheLeastRecentlyUsedVariants()
    {
        const long bound = 15_000;
        using var app = Start(new Dictionary<string, string?> { ["Twinning:Media:ResizedCacheMaxSize"] = bound.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // Noise does not compress: a PNG variant of about 45×45 takes 5 to 7 KB, so two fit and three overflow.
        await app.AddFileAsync("noise.png", Noise(90, 90));
        var client = app.CreateClient();
        var cache = app.Cache();
        async Task GetAsync(int width)
        {
            var response = await client.GetAsync(app.Sign($"/media/noise.png?width={width}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(cache.Size <= bound, $"{cache.Size} bytes cached, over the {bound} bound");
            Assert.Equal(cache.Size, Directory.EnumerateFiles(cache.Root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
        }

        await GetAsync(46);
        var single = cache.Size;
        await GetAsync(45);
        await GetAsync(44);   // over the bound: 46, the least recently used, goes
        await GetAsync(45);   // used again: now the most recent
        await GetAsync(43);   // over again: 44 goes, not 45
        var created = cache.Created;
        await GetAsync(45);
        var keptRecent = cache.Created == created;
        await GetAsync(46);
        var recomputedOldest = cache.Created == created + 1;

        Assert.InRange(single, 5_000, 7_000);
        Assert.Equal(4, created);
        Assert.True(keptRecent, "the recently used variant was evicted");
        Assert.True(recomputedOldest, "the least recently used variant was not evicted");
    }

    [Fact]
    public async Task ConcurrentRequestsForOneVariantComputeItOnce()
    {
        using var app = Start();
        await app.AddFileAsync("big.jpg", Noise(2400, 1800, ".jpg"));
        var url = app.Sign("/media/big.jpg?width=700&format=webp");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var response = await app.CreateClient().GetAsync(url);
            return (response.StatusCode, Body: await response.Content.ReadAsByteArrayAsync());
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(responses[0].Body, r.Body));
        Assert.Equal(1, app.Cache().Created);
    }
}
