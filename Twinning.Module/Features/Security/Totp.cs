using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Twinning.Module.Features.Security;

/// <summary>Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second steps,
/// six digits, the key shared in Base32 (RFC 4648), as ASP.NET Core Identity's authenticator keys are.</summary>
public static class Totp
{
    private const int StepSeconds = 30;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new shared key: 160 random bits in Base32 (32 letters).</summary>
    public static string NewKey() => ToBase32(RandomNumberGenerator.GetBytes(20));

    /// <summary>The time step a moment falls in.</summary>
    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The six-digit code of <paramref name="key"/> for <paramref name="step"/>.</summary>
    public static string Code(string key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // SHA-1 is what authenticator apps compute (RFC 6238's default); as an HMAC it has no known weakness.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(FromBase32(key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The step whose code <paramref name="code"/> is, the current one or one either side (clocks drift);
    /// null when it is none of them.</summary>
    public static long? Match(string key, string? code, DateTimeOffset now)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 6)
        {
            return null;
        }
        var current = StepAt(now);
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(digits)))
            {
                return step;
            }
        }
        return null;
    }

    /// <summary>The <c>otpauth://</c> address authenticator apps read (typed in, or from a QR code made of it).</summary>
    public static string Uri(string issuer, string userName, string key)
        => $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(userName)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period={StepSeconds}";

    public static string ToBase32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    public static byte[] FromBase32(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }
            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
