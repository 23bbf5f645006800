using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Media.MediaSite;
using static Twinning.Web.Tests.Media.MediaResizingTests;

namespace Twinning.Web.Tests.Media;

/// <summary>The HMAC token on resize URLs, the site key behind it, and the rules when the site does not sign URLs.</summary>
public sealed class MediaTokenTests
{
    [Fact]
    public async Task ASignedUrlIsServed()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var url = app.Sign("/media/wide.png?width=120&rmode=crop&height=60");
        var response = await app.CreateClient().GetAsync(url);

        Assert.Contains("&token=", url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CommandsWithoutATokenAreAProblemNamingToken()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var response = await app.CreateClient().GetAsync("/media/wide.png?width=120");

        await AssertProblemAsync(response, "token");
        Assert.Equal(0, app.Cache().Created);
    }

    [Fact]
    public async Task AForgedOrAlteredTokenIsAProblemNamingToken()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));
        var client = app.CreateClient();
        var signed = app.Sign("/media/wide.png?width=120");

        var altered = await client.GetAsync(signed.Replace("width=120", "width=1200", StringComparison.Ordinal));
        var forged = await client.GetAsync("/media/wide.png?width=120&token=" + Uri.EscapeDataString(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var garbage = await client.GetAsync("/media/wide.png?width=120&token=not-base64");

        await AssertProblemAsync(altered, "token");
        await AssertProblemAsync(forged, "token");
        await AssertProblemAsync(garbage, "token");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheTokenIsAnHmacOfTheCommandsByNameWithTheStoredSiteKey(string provider)
    {
        using var app = Start(provider: provider);
        await using var db = app.CreateDbContext();
        var stored = await db.Documents.SingleAsync(d => d.Name == DocumentNames.MediaToken);
        var key = System.Text.Json.JsonSerializer.Deserialize<MediaTokenSettings>(stored.Content, DocumentStore.JsonOptions)!.HashKey!;

        var url = app.Sign("/media/a.jpg?height=50&other=x&width=100&rmode=crop&v=7");

        Assert.Equal(64, key.Length);
        var query = QueryHelpers.ParseQuery(new Uri("http://h" + url).Query);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("twinning-media-1\nheight=50&rmode=crop&v=7&width=100")));
        Assert.Equal(expected, query["token"].ToString());
        Assert.Equal("x", query["other"].ToString());
    }

    [Fact]
    public async Task ATokenDoesNotOpenAUrlWhoseValuesRunTogetherAlike()
    {
        using var app = Start(new Dictionary<string, string?> { ["Twinning:Media:AcceptOrchardCoreTokens"] = "true" });
        await app.AddFileAsync("wide.png", TwoColours(400, 200));
        var signed = app.Sign("/media/wide.png?v=3f9c0a1b2c63&width=320");
        var client = app.CreateClient();

        var asSigned = await client.GetAsync(signed);
        var shifted = await client.GetAsync(signed.Replace("v=3f9c0a1b2c63&width=320", "v=3f9c0a1b2c633&width=20", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, asSigned.StatusCode);
        await AssertProblemAsync(shifted, "token");
    }

    /// <summary>A URL signed as Orchard Core signs it: the command values run together in query order.</summary>
    private static async Task<string> SignAsOrchardCoreAsync(TwinningApplication app, string path, string query)
    {
        await using var db = app.CreateDbContext();
        var stored = await db.Documents.SingleAsync(d => d.Name == DocumentNames.MediaToken);
        var key = System.Text.Json.JsonSerializer.Deserialize<MediaTokenSettings>(stored.Content, DocumentStore.JsonOptions)!.HashKey!;
        var values = string.Concat(QueryHelpers.ParseQuery(query).Select(p => p.Value.ToString()));
        return $"{path}?{query}&token={Uri.EscapeDataString(Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(values))))}";
    }

    [Fact]
    public async Task OrchardCoreTokensAreRefusedUnlessTheSiteOptsIn()
    {
        using var app = Start();
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var response = await app.CreateClient().GetAsync(await SignAsOrchardCoreAsync(app, "/media/wide.png", "width=120&height=60"));

        await AssertProblemAsync(response, "token");
    }

    [Fact]
    public async Task OrchardCoreTokensAreServedWhereTheSiteOptsIn()
    {
        using var app = Start(new Dictionary<string, string?> { ["Twinning:Media:AcceptOrchardCoreTokens"] = "true" });
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var response = await app.CreateClient().GetAsync(await SignAsOrchardCoreAsync(app, "/media/wide.png", "width=120&height=60"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((120, 60), (image.Width, image.Height));
    }

    [Fact]
    public void OnlyAVersionIsNotSigned()
    {
        using var app = Start();

        Assert.Equal("/media/a.jpg?v=123", app.Sign("/media/a.jpg?v=123"));
        Assert.Equal("/media/a.jpg", app.Sign("/media/a.jpg"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InstancesStartingTogetherAgreeOnOneKey(string provider)
    {
        using var app = Start(provider: provider);
        await using (var db = app.CreateDbContext())
        {
            await db.Documents.Where(d => d.Name == DocumentNames.MediaToken).ExecuteDeleteAsync();
        }
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        // Each service stands for an instance of the site that has not loaded the key yet.
        var instances = Enumerable.Range(0, 4).Select(_ => new MediaTokenService(scopes)).ToList();

        var keys = await Task.WhenAll(instances.Select(i => Task.Run(() => i.LoadKeyAsync())));

        await using var check = app.CreateDbContext();
        var stored = System.Text.Json.JsonSerializer.Deserialize<MediaTokenSettings>(
            (await check.Documents.SingleAsync(d => d.Name == DocumentNames.MediaToken)).Content, DocumentStore.JsonOptions)!.HashKey!;
        Assert.All(keys, k => Assert.Equal(stored, k));
        var url = instances[0].AddTokenToPath("/media/a.jpg?width=10");
        Assert.All(instances, i => Assert.Equal(url, i.AddTokenToPath("/media/a.jpg?width=10")));
        instances.ForEach(i => i.Dispose());
    }

    [Fact]
    public void ARestartedSiteKeepsItsKey()
    {
        using var data = new DataFolder();
        string url;
        using (var first = Start(dataPath: data.Path))
        {
            url = first.Sign("/media/a.jpg?width=10");
        }
        using var second = Start(dataPath: data.Path);

        Assert.Equal(url, second.Sign("/media/a.jpg?width=10"));
    }

    private static readonly Dictionary<string, string?> Unsigned = new() { ["Twinning:Media:UseTokenizedQueryString"] = "false" };

    [Fact]
    public async Task WithoutTokensSupportedSizesAreServed()
    {
        using var app = Start(Unsigned);
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var response = await app.CreateClient().GetAsync("/media/wide.png?width=100&height=100&rmode=crop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((100, 100), (image.Width, image.Height));
    }

    [Fact]
    public async Task ConfiguredSupportedSizesReplaceTheDefaults()
    {
        using var app = Start(new Dictionary<string, string?>(Unsigned) { ["Twinning:Media:SupportedSizes:0"] = "123" });
        await app.AddFileAsync("wide.png", TwoColours(400, 200));
        var client = app.CreateClient();

        var configured = await client.GetAsync("/media/wide.png?width=123");
        var formerDefault = await client.GetAsync("/media/wide.png?width=100");

        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        await AssertProblemAsync(formerDefault, "width");
    }

    [Theory]
    [InlineData("width=101", "width")]
    [InlineData("width=100&height=333", "height")]
    [InlineData("width=100&height=100&rmode=crop&rxy=0.2,0.5", "rxy")]
    [InlineData("width=100&height=100&rmode=pad&bgcolor=white", "bgcolor")]
    public async Task WithoutTokensOtherSizesAndTokenOnlyCommandsAreRefused(string query, string field)
    {
        using var app = Start(Unsigned);
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var response = await app.CreateClient().GetAsync("/media/wide.png?" + query);

        await AssertProblemAsync(response, field);
    }

    [Fact]
    public async Task WithoutTokensTheUrlBuilderMakesUnsignedUrlsThatServe()
    {
        using var app = Start(Unsigned);
        await app.AddFileAsync("wide.png", TwoColours(400, 200));

        var url = await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<MediaUrlBuilder>().ResizeUrl("wide.png", width: 100)));
        var response = await app.CreateClient().GetAsync(url);

        Assert.Matches("^/media/wide.png\\?v=[0-9a-f]{12}&width=100$", url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
