using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Tests.Security;

/// <summary>The site's password hashes are slow to guess: the host tests hash with fewer iterations to save time, so
/// what a real site stores is checked here, from the services the site registers.</summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void TheSiteHashesPasswordsWithPbkdf2HmacSha512AndAtLeast100000Iterations()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddTwinningSecurity()
            .BuildServiceProvider();
        var hasher = services.GetRequiredService<IPasswordHasher<UserRecord>>();

        var hash = Convert.FromBase64String(hasher.HashPassword(new UserRecord(), "a long passphrase"));

        // Identity's version 3 format: a format byte, then the PRF, the iteration count and the salt length (big-endian).
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u /* HMACSHA512 */, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 100_000);
    }
}
