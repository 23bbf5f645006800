using System.Text;
using Twinning.Module.Features.Media.Uploads;

namespace Twinning.Module.Tests.Media;

public sealed class SvgSanitizerTests
{
    /// <summary>An SVG whose drawing sits inside <paramref name="groups"/> nested groups (the root is one level more).</summary>
    public static byte[] NestedGroups(int groups)
        => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<g>", groups))
            + "<circle r=\"1\"/>" + string.Concat(Enumerable.Repeat("</g>", groups)) + "</svg>");

    [Fact]
    public void GroupsNestedUpToTheLimitAreKept()
    {
        // The circle is at depth MaxDepth: the root is 0, each group one more.
        var (content, error) = SvgSanitizer.Sanitize(NestedGroups(SvgSanitizer.MaxDepth - 1));

        Assert.Null(error);
        Assert.Contains("<circle", Encoding.UTF8.GetString(content!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SvgSanitizer.MaxDepth)]
    [InlineData(40_000)]
    public void DeeperFilesAreRefusedWithTheReason(int groups)
    {
        var (content, error) = SvgSanitizer.Sanitize(NestedGroups(groups));

        Assert.Null(content);
        Assert.Contains($"more than {SvgSanitizer.MaxDepth} levels deep", error!.English, StringComparison.Ordinal);
    }

    private static string Sanitized(string attributes)
    {
        var (content, error) = SvgSanitizer.Sanitize(Encoding.UTF8.GetBytes(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\"><defs><linearGradient id=\"a\"/></defs><rect width=\"2\" height=\"2\" {attributes}/></svg>"));
        Assert.Null(error);
        var svg = Encoding.UTF8.GetString(content!);
        return svg[svg.IndexOf("<rect", StringComparison.Ordinal)..];
    }

    [Theory]
    [InlineData("fill=\"url(#a)\"")]
    [InlineData("fill=\"url( '#a' )\"")]
    [InlineData("fill=\"rgb(10, 20, 30)\" stroke=\"hsl(120 50% 50%)\"")]
    [InlineData("transform=\"translate(1 2) rotate(45) scale(2) matrix(1 0 0 1 0 0) skewX(3)\"")]
    public void ColoursTransformsAndFragmentsAreKept(string attributes)
        => Assert.StartsWith($"<rect width=\"2\" height=\"2\" {attributes}", Sanitized(attributes), StringComparison.Ordinal);

    /// <summary>"url(#a) url(https://…)" once passed because it held a fragment somewhere; an escaped "url(" is one to a
    /// browser; other functions (image-set, src) can fetch too.</summary>
    [Theory]
    [InlineData("fill=\"url(#a) url(https://evil.example/x)\"")]
    [InlineData("fill=\"url(https://evil.example/x)\"")]
    [InlineData("fill=\"URL( 'https://evil.example/x')\"")]
    [InlineData("fill=\"\\75 rl(https://evil.example/x)\"")]
    [InlineData("fill=\"image-set(&quot;https://evil.example/x&quot; 1x)\"")]
    [InlineData("mask=\"src(https://evil.example/x)\"")]
    [InlineData("fill=\"javascript:alert(1)\"")]
    public void AValueThatCouldFetchOrRunIsRemoved(string attributes)
        => Assert.StartsWith("<rect width=\"2\" height=\"2\" />", Sanitized(attributes), StringComparison.Ordinal);

    /// <summary>A value of 2,000,000 letters: each place in it once started a function name read to its end, and the
    /// check took a minute and a half, by the square of the value's length.</summary>
    [Fact]
    public void ALongValueIsCheckedInTimeByItsLength()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.StartsWith($"<rect width=\"2\" height=\"2\" font-family=\"{new string('a', 2_000_000)}\"", Sanitized($"font-family=\"{new string('a', 2_000_000)}\""), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
    }
}
