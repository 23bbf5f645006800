using System.Buffers.Binary;
using Twinning.Module.Features.Media.Uploads;

namespace Twinning.Module.Tests.Media;

public sealed class ExifLocationTests
{
    /// <summary>A little-endian TIFF structure: IFD0 with the orientation and a GPS pointer, and a GPS directory whose
    /// latitude (three RATIONALs, 24 bytes) lies outside it. <paramref name="firstDirectory"/> and
    /// <paramref name="gpsDirectory"/> replace the real offsets (8 and 38).</summary>
    private static byte[] Tiff(uint firstDirectory = 8, uint gpsDirectory = 38)
    {
        var tiff = new byte[92];
        void U16(int at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), value);
        void U32(int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), value);
        "II"u8.CopyTo(tiff);
        U16(2, 42);
        U32(4, firstDirectory);
        U16(8, 2);
        U16(10, 0x0112); U16(12, 3); U32(14, 1); U16(18, 6);
        U16(22, 0x8825); U16(24, 4); U32(26, 1); U32(30, gpsDirectory);
        // GPS directory at 38: GPSLatitude, three RATIONALs at 56; no next directory.
        U16(38, 1);
        U16(40, 0x0002); U16(42, 5); U32(44, 3); U32(48, 56);
        for (var i = 0; i < 3; i++)
        {
            U32(56 + (i * 8), 54u + (uint)i);
            U32(60 + (i * 8), 1);
        }
        return tiff;
    }

    /// <summary>A JPEG's start, one APP1 segment with <paramref name="tiff"/>, and its end.</summary>
    private static byte[] Jpeg(byte[] tiff)
    {
        var app1 = new byte[4 + 6 + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(app1.AsSpan(4));
        tiff.CopyTo(app1, 10);
        return [0xFF, 0xD8, .. app1, 0xFF, 0xD9];
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public void TheLatitudeIsEmptiedAndTheOrientationKept()
    {
        var tiff = Tiff();
        var stripped = Strip(tiff);

        Assert.Equal(Jpeg(tiff).Length, stripped.Length);
        var kept = stripped.AsSpan(12, tiff.Length);
        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(kept[18..]));
        Assert.True(kept[38..].IndexOfAnyExcept((byte)0) < 0, "the GPS directory and the latitude it points to are zeros");
    }

    /// <summary>Offsets at the very end of the 32-bit range once wrapped round to the start of the block and were read
    /// there, and the upload failed with an error; such EXIF cannot be read safely, and is dropped whole.</summary>
    [Theory]
    [InlineData(0xFFFFFFFE, 38)]
    [InlineData(0xFFFFFFFF, 38)]
    [InlineData(8, 0xFFFFFFFE)]
    [InlineData(8, 0xFFFFFFFF)]
    [InlineData(8, 0xFFFFFFF8)]
    public void EXIFWithAnOffsetBeyondItsEndIsDroppedWhole(uint firstDirectory, uint gpsDirectory)
    {
        var stripped = Strip(Tiff(firstDirectory, gpsDirectory));

        Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], stripped);
    }

    /// <summary>A chunk whose length is near the 32-bit limit once wrapped round to a small one, and the upload failed
    /// with an error; the walk stops there and keeps the rest of the file as it is.</summary>
    [Theory]
    [InlineData("png", 0x7FFFFFF8u)]
    [InlineData("png", 0xFFFFFFF8u)]
    [InlineData("webp", 0x7FFFFFFFu)]
    [InlineData("webp", 0xFFFFFFF9u)]
    public void AChunkLongerThanTheFileEndsTheWalk(string kind, uint length)
    {
        byte[] file = kind == "png"
            ? [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. BigEndian(length), .. "tEXt"u8, .. new byte[8]]
            : [.. "RIFF"u8, 20, 0, 0, 0, .. "WEBP"u8, .. "EXIF"u8, .. LittleEndian(length), .. new byte[8]];

        Assert.Equal(file, ExifLocation.Strip(kind, file));
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    [Fact]
    public void AFileWithoutEXIFIsLeftAsItIs()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x04, 0x01, 0x02, 0xFF, 0xD9];

        Assert.Equal(jpeg, ExifLocation.Strip("jpeg", jpeg));
    }

    private static byte[] Strip(byte[] tiff)
    {
        var stripped = ExifLocation.Strip("jpeg", Jpeg(tiff));
        Assert.False(Contains(stripped, [54, 0, 0, 0, 1, 0, 0, 0]), "the latitude's degrees are gone");
        return stripped;
    }
}
