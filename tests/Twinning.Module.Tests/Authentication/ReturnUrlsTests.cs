using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Tests.Authentication;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/content")]
    [InlineData("/admin/media?path=logos%2Fherb.svg#top")]
    public void PathsOnThisSiteAreKept(string url)
        => Assert.Equal(url, ReturnUrls.LocalOrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/admin\r\nSet-Cookie: x=1")]
    [InlineData("admin")]
    public void AnythingElseGoesHome(string? url)
        => Assert.Equal("/", ReturnUrls.LocalOrHome(url));
}
