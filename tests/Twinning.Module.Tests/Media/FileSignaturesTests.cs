using System.IO.Compression;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Uploads;

namespace Twinning.Module.Tests.Media;

public sealed class FileSignaturesTests
{
    private static readonly byte[] OdtMimeType = "application/vnd.oasis.opendocument.text"u8.ToArray();

    private static byte[] Odt(byte[] mimetype, CompressionLevel level)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data, entryLevel) in new[] { ("mimetype", mimetype, level), ("content.xml", "<x/>"u8.ToArray(), CompressionLevel.Optimal) })
            {
                using var stream = zip.CreateEntry(name, entryLevel).Open();
                stream.Write(data);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>An OpenDocument text whose <c>mimetype</c> entry says it is compressed with BZip2, which zip readers here
    /// cannot open.</summary>
    private static byte[] OdtWithUnreadableMimeType()
    {
        var bytes = Odt(OdtMimeType, CompressionLevel.NoCompression);
        // The compression method, in the entry's local header and in the central directory.
        bytes[8] = 12;
        bytes[bytes.AsSpan().IndexOf("PK\u0001\u0002"u8) + 10] = 12;
        return bytes;
    }

    [Fact]
    public void AnOpenDocumentTextIsOne() => Assert.True(FileSignatures.Matches("odt", Odt(OdtMimeType, CompressionLevel.NoCompression)));

    /// <summary>The <c>mimetype</c> entry was read outside the check that catches a damaged archive: such an upload failed
    /// with a server error.</summary>
    [Fact]
    public async Task AnOpenDocumentWhoseMimeTypeCannotBeReadIsRefused()
    {
        Assert.False(FileSignatures.Matches("odt", OdtWithUnreadableMimeType()));

        var (file, error) = await new MediaFileChecker(Options.Create(new MediaOptions())).CheckAsync("report.odt", new MemoryStream(OdtWithUnreadableMimeType()));

        Assert.Null(file);
        Assert.NotNull(error);
    }

    /// <summary>50 MB of zeros deflate to a file of 49 KB; the whole entry was read into memory (200 MB of text).</summary>
    [Fact]
    public void AMimeTypeThatInflatesToMegabytesIsNotReadIntoMemory()
    {
        var bomb = Odt(new byte[50_000_000], CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 100_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matches = FileSignatures.Matches("odt", bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(matches);
        Assert.True(allocated < 10_000_000, $"Checking a {bomb.Length:N0}-byte file allocated {allocated:N0} bytes.");
    }
}
