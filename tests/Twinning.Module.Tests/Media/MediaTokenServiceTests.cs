using System.Security.Cryptography;
using System.Text;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Tests.Media;

public sealed class MediaTokenServiceTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();

    private static MediaTokenService Service() => new(null!, Key);

    private static string Expected(string concatenatedValues) => Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(concatenatedValues)));

    [Fact]
    public void TheTokenFollowsTheCommandsThenTheOtherParameters()
    {
        using var tokens = Service();

        var url = tokens.AddTokenToPath("/media/a b.jpg?utm=mail&width=100&height=50&rmode=crop&v=x");

        Assert.Equal($"/media/a b.jpg?width=100&height=50&rmode=crop&v=x&token={Uri.EscapeDataString(Expected("10050cropx"))}&utm=mail", url);
    }

    [Fact]
    public void AnExistingTokenIsReplaced()
    {
        using var tokens = Service();

        Assert.Equal(tokens.AddTokenToPath("/media/a.jpg?width=10"), tokens.AddTokenToPath("/media/a.jpg?width=10&token=old"));
    }

    [Fact]
    public void ValidationAcceptsOnlyTheTokenOfTheseValues()
    {
        using var tokens = Service();
        var token = Expected("10050");

        Assert.True(tokens.TryValidateToken(["100", "50"], token));
        // A client that did not escape the Base64 '+' sends a space.
        Assert.True(tokens.TryValidateToken(["100", "50"], token.Replace('+', ' ')));
        Assert.False(tokens.TryValidateToken(["50", "100"], token));
        Assert.False(tokens.TryValidateToken(["100", "51"], token));
        Assert.False(tokens.TryValidateToken(["100", "50"], null));
        Assert.False(tokens.TryValidateToken(["100", "50"], "####"));
        Assert.False(tokens.TryValidateToken(["100", "50"], Convert.ToBase64String(new byte[64])));
    }
}
