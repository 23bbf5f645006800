using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Tests.Media;

/// <summary>The requests the resizing remembers, to answer them again from its cache after one file look-up.</summary>
public sealed class MediaResizingMiddlewareTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("twinning-resize-").FullName;
    private readonly MediaImageEngine _engine;
    private readonly MediaTokenService _tokens = new(null!, new byte[MediaTokenService.KeyLength]);
    private readonly MediaResizingMiddleware _middleware;

    public MediaResizingMiddlewareTests()
    {
        var twinning = Options.Create(new TwinningOptions { DataPath = _data });
        var media = Options.Create(new MediaOptions { UseTokenizedQueryString = false });
        var store = new FileSystemMediaFileStore(twinning);
        using (var bitmap = new SKBitmap(200, 100))
        using (var png = bitmap.Encode(SKEncodedImageFormat.Png, 100))
        {
            File.WriteAllBytes(Path.Combine(store.Root, "a.png"), png.ToArray());
        }
        _engine = new MediaImageEngine(media);
        var cache = new ResizedImageCache(twinning, media, NullLogger<ResizedImageCache>.Instance);
        _middleware = new MediaResizingMiddleware(_ => Task.CompletedTask, store, _engine, cache, _tokens, media);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _tokens.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private async Task GetAsync(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/media/a.png";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = Stream.Null;
        await _middleware.InvokeAsync(context);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task AnAddressOfCommandsIsRemembered()
    {
        await GetAsync("?width=100&rmode=max");

        Assert.Equal("/media/a.png?width=100&rmode=max".Length, _middleware.KnownCharacters);
    }

    /// <summary>Every address with a parameter the resizing ignores was remembered: 500 such requests for one variant
    /// held two million characters, and 100,000 about 1.6 GB.</summary>
    [Fact]
    public async Task AddressesWithParametersThatAreNotCommandsAreNotRemembered()
    {
        var junk = new string('x', 4000);
        for (var i = 0; i < 500; i++)
        {
            await GetAsync($"?width=100&junk{i}={junk}");
        }
        await GetAsync("?width=100&other=1");

        Assert.Equal(0, _middleware.KnownCharacters);
    }

    /// <summary>Leading zeros spell one width in endless ways.</summary>
    [Fact]
    public async Task ALongAddressIsNotRemembered()
    {
        await GetAsync("?width=" + new string('0', 1100) + "100");

        Assert.Equal(0, _middleware.KnownCharacters);
    }
}
