using System.Security.Cryptography;

namespace Twinning.Core.Content;

/// <summary>Makes 26-character ids in the alphabet Orchard Core's ids use (lower-case letters and digits
/// without the look-alikes i, l, o, u), from 128 random bits, so ids look the same in both hosts.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    public const int Length = 26;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[17];
        RandomNumberGenerator.Fill(bytes[1..]);
        Span<char> chars = stackalloc char[Length];
        // 26 five-bit groups cover 130 bits; the leading zero byte pads the 128 random ones.
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        for (var i = Length - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }

    public static bool IsValid(string? id) => !string.IsNullOrEmpty(id) && id.Length <= Length && id.All(char.IsAsciiLetterOrDigit);
}
