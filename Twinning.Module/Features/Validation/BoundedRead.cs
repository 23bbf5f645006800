namespace Twinning.Module.Features.Validation;

/// <summary>Reading what a client sends without holding more than a limit in memory.</summary>
public static class BoundedRead
{
    /// <summary>All of <paramref name="content"/>, or null as soon as it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
