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
}
