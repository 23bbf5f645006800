using System.Buffers.Binary;

namespace Twinning.Module.Features.Media;

/// <summary>
/// How to read a TIFF structure, the form EXIF data takes in JPEG, PNG and WebP files: its byte order ("II" little-endian,
/// "MM" big-endian), its numbers in that order, and the entries of its directories (12 bytes each after a 16-bit count:
/// tag, type, count, then the value or the offset of the value). Uploads read it to empty the location, processing to
/// find the orientation.
/// </summary>
public readonly struct TiffLayout
{
    private readonly bool _little;

    private TiffLayout(bool little) => _little = little;

    /// <summary>The layout of <paramref name="tiff"/>; false when it is too short for a header or names no byte order.</summary>
    public static bool TryRead(ReadOnlySpan<byte> tiff, out TiffLayout layout)
    {
        layout = new TiffLayout(tiff.StartsWith("II"u8));
        return tiff.Length >= 8 && (layout._little || tiff.StartsWith("MM"u8));
    }

    public ushort U16(ReadOnlySpan<byte> tiff, int at)
        => _little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff[at..]) : BinaryPrimitives.ReadUInt16BigEndian(tiff[at..]);

    public uint U32(ReadOnlySpan<byte> tiff, int at)
        => _little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[at..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[at..]);

    /// <summary>Where the first directory (IFD0) starts.</summary>
    public uint FirstDirectory(ReadOnlySpan<byte> tiff) => U32(tiff, 4);

    /// <summary>The offset of a directory's entry <paramref name="index"/>.</summary>
    public static int Entry(uint directory, int index) => (int)directory + 2 + (index * 12);
}
