using System.Security.Cryptography;
using System.Text;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Tests.Media;

public sealed class MediaTokenServiceTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();

    private static MediaTokenService Service() => new(null!, Key);

    private static string Hmac(string payload) => Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(payload)));

    private static KeyValuePair<string, string>[] Commands(params (string Name, string Value)[] commands)
        => commands.Select(c => KeyValuePair.Create(c.Name, c.Value)).ToArray();

    [Fact]
    public void TheTokenSignsEachCommandByNameInNameOrder()
    {
        using var tokens = Service();

        var url = tokens.AddTokenToPath("/media/a b.jpg?utm=mail&width=100&height=50&rmode=crop&v=x");

        var expected = Hmac("twinning-media-1\nheight=50&rmode=crop&v=x&width=100");
        Assert.Equal($"/media/a b.jpg?width=100&height=50&rmode=crop&v=x&token={Uri.EscapeDataString(expected)}&utm=mail", url);
    }

    [Fact]
    public void NamesAndValuesAreEscapedSoNoValueCanPassForAnotherCommand()
    {
        Assert.Equal("twinning-media-1\nbgcolor=1%2C2%2C3&v=a%26width%3D5", MediaTokenService.Payload(Commands(("v", "a&width=5"), ("bgcolor", "1,2,3"))));
    }

    [Fact]
    public void ATokenForOneUrlDoesNotOpenAnotherWhoseValuesRunTogetherAlike()
    {
        using var tokens = Service();
        var url = tokens.AddTokenToPath("/media/a.jpg?v=3f9c0a1b2c63&width=320");
        var token = Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        Assert.True(tokens.TryValidateToken(Commands(("v", "3f9c0a1b2c63"), ("width", "320")), token));
        Assert.False(tokens.TryValidateToken(Commands(("v", "3f9c0a1b2c633"), ("width", "20")), token));
        Assert.False(tokens.TryValidateToken(Commands(("v", "3f9c0a1b2c633"), ("width", "20")), token, acceptOrchardCoreFormat: true));
    }

    [Fact]
    public void AnExistingTokenIsReplaced()
    {
        using var tokens = Service();

        Assert.Equal(tokens.AddTokenToPath("/media/a.jpg?width=10"), tokens.AddTokenToPath("/media/a.jpg?width=10&token=old"));
    }

    [Fact]
    public void ValidationAcceptsOnlyTheTokenOfTheseCommands()
    {
        using var tokens = Service();
        var commands = Commands(("width", "100"), ("height", "50"));
        var token = Hmac("twinning-media-1\nheight=50&width=100");

        Assert.True(tokens.TryValidateToken(commands, token));
        // The same commands in another order are the same request.
        Assert.True(tokens.TryValidateToken(Commands(("height", "50"), ("width", "100")), token));
        // A client that did not escape the Base64 '+' sends a space.
        Assert.True(tokens.TryValidateToken(commands, token.Replace('+', ' ')));
        Assert.False(tokens.TryValidateToken(Commands(("width", "50"), ("height", "100")), token));
        Assert.False(tokens.TryValidateToken(Commands(("width", "100"), ("height", "51")), token));
        Assert.False(tokens.TryValidateToken(commands, null));
        Assert.False(tokens.TryValidateToken(commands, "####"));
        Assert.False(tokens.TryValidateToken(commands, Convert.ToBase64String(new byte[64])));
    }

    [Fact]
    public void OrchardCoreTokensAreAcceptedOnlyWhenTheSiteOptsIn()
    {
        using var tokens = Service();
        var commands = Commands(("width", "100"), ("height", "50"));
        // Orchard Core signs the values alone, run together in query order.
        var orchard = Hmac("10050");

        Assert.False(tokens.TryValidateToken(commands, orchard));
        Assert.True(tokens.TryValidateToken(commands, orchard, acceptOrchardCoreFormat: true));
        Assert.False(tokens.TryValidateToken(Commands(("height", "50"), ("width", "100")), orchard, acceptOrchardCoreFormat: true));
    }
}
