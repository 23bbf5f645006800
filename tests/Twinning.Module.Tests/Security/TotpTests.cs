using System.Text;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Tests.Security;

public sealed class TotpTests
{
    // RFC 6238, appendix B (SHA-1): the key is the ASCII of "12345678901234567890"; the six low digits of each code.
    private static readonly string Key = Totp.ToBase32(Encoding.ASCII.GetBytes("12345678901234567890"));

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void CodesAreThoseOfTheRfcTestVectors(long unixSeconds, string code)
        => Assert.Equal(code, Totp.Code(Key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));

    [Fact]
    public void ACodeMatchesInItsStepAndOneEitherSideOnly()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111109);
        var step = Totp.StepAt(now);

        Assert.Equal(step, Totp.Match(Key, "081 804", now));
        Assert.Equal(step - 1, Totp.Match(Key, Totp.Code(Key, step - 1), now));
        Assert.Null(Totp.Match(Key, Totp.Code(Key, step - 2), now));
        Assert.Null(Totp.Match(Key, "12345", now));
    }

    [Fact]
    public void Base32RoundTripsAndAKeyIs32Letters()
    {
        var bytes = Encoding.ASCII.GetBytes("any bytes at all");
        Assert.Equal(bytes, Totp.FromBase32(Totp.ToBase32(bytes)));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Key);
        Assert.Equal(32, Totp.NewKey().Length);
    }
}
