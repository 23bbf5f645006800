using System.Buffers.Binary;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Tests.Media;

public sealed class PngOrientationTests
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A chunk as PNG lays it out: length, type, data and a CRC (not checked by the reader).</summary>
    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>A TIFF structure whose first directory holds a software name and then the orientation.</summary>
    private static byte[] Tiff(bool littleEndian, ushort orientation, ushort type = 3)
    {
        var tiff = new byte[8 + 2 + (2 * 12) + 4];
        void U16(int at, ushort value) { if (littleEndian) { BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), value); } else { BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), value); } }
        void U32(int at, uint value) { if (littleEndian) { BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), value); } else { BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), value); } }
        tiff[0] = tiff[1] = (byte)(littleEndian ? 'I' : 'M');
        U16(2, 42);
        U32(4, 8);
        U16(8, 2);
        // Software (ASCII, 4 bytes held in the entry), then Orientation (one SHORT).
        U16(10, 0x0131); U16(12, 2); U32(14, 4); "Ok!\0"u8.CopyTo(tiff.AsSpan(18));
        U16(22, 0x0112); U16(24, type); U32(26, 1); U16(30, orientation);
        return tiff;
    }

    private static int? Read(params byte[][] chunks)
    {
        using var stream = new MemoryStream([.. Signature, .. chunks.SelectMany(c => c)]);
        return PngOrientation.Read(stream);
    }

    private static readonly byte[] Header = Chunk("IHDR", new byte[13]);
    private static readonly byte[] Data = Chunk("IDAT", new byte[20]);

    [Theory]
    [InlineData(true, 6)]
    [InlineData(false, 8)]
    [InlineData(false, 1)]
    public void TheOrientationIsReadInEitherByteOrder(bool littleEndian, ushort orientation)
        => Assert.Equal(orientation, Read(Header, Chunk("tEXt", new byte[7]), Chunk("eXIf", Tiff(littleEndian, orientation)), Data));

    [Fact]
    public void AFileWithoutEXIfHasNone() => Assert.Null(Read(Header, Data, Chunk("IEND", [])));

    [Fact]
    public void AChunkAfterTheImageDataIsNotRead() => Assert.Null(Read(Header, Data, Chunk("eXIf", Tiff(true, 6))));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(9, 3)]
    [InlineData(6, 4)]
    public void AnOrientationOutsideOneToEightOrNotAShortIsIgnored(ushort orientation, ushort type)
        => Assert.Null(Read(Header, Chunk("eXIf", Tiff(true, orientation, type)), Data));

    /// <summary>A file made of ever more chunks before its EXIF is walked no further than libpng would keep chunks.</summary>
    [Theory]
    [InlineData(998, 6)]
    [InlineData(999, null)]
    public void NoMoreThanAThousandChunksAreWalked(int textChunks, int? expected)
        => Assert.Equal(expected, Read([Header, .. Enumerable.Repeat(Chunk("tEXt", new byte[1]), textChunks), Chunk("eXIf", Tiff(true, 6)), Data]));

    [Fact]
    public void ATruncatedOrForeignFileHasNone()
    {
        var whole = Chunk("eXIf", Tiff(true, 6));
        Assert.Null(Read(Header, whole[..^10]));
        using var jpeg = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE1, 0, 0, 0, 0, 0, 0]);
        Assert.Null(PngOrientation.Read(jpeg));
        // A directory that points past the end of the block.
        var tiff = Tiff(true, 6);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 1000);
        Assert.Null(Read(Header, Chunk("eXIf", tiff), Data));
    }
}
