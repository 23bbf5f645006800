using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Twinning.Core.Content;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>
/// Answers <c>/media/{path}?width=…</c> with the resized image, before the static file server. Requests without
/// a processing command (none at all, or only <c>v</c>) go on to the static files unchanged. A request already
/// answered once is recognised by its path and query and served from the disk cache after one file lookup that
/// checks the original has not changed.
/// </summary>
public sealed class MediaResizingMiddleware(
    RequestDelegate next,
    IMediaFileStore store,
    MediaImageEngine engine,
    ResizedImageCache cache,
    MediaTokenService tokens,
    IOptions<MediaOptions> options)
{
    public const string RequestPath = "/media";

    // Bound the map of recognised requests, by number and by the characters of their addresses; only requests that
    // passed every check are remembered.
    private const int MaxKnownRequests = 100_000;
    private const long MaxKnownCharacters = 8_000_000;

    /// <summary>The longest address remembered (Kestrel accepts request lines of 8 KB).</summary>
    private const int MaxRememberedLength = 1024;

    private readonly ConcurrentDictionary<(string Path, string Query), KnownRequest> _known = new();
    private long _knownCharacters;

    /// <summary>The characters of the remembered addresses.</summary>
    internal long KnownCharacters => Interlocked.Read(ref _knownCharacters);
    private readonly StringValues _cacheControl = $"public, max-age={TimeSpan.FromDays(options.Value.MaxCacheDays).TotalSeconds:0}";

    private sealed record KnownRequest(string LibraryPath, long Length, long Modified, CachedVariant Variant);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.QueryString.HasValue || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next(context);
            return;
        }
        var path = request.Path.Value!;
        var query = request.QueryString.Value!;
        if (_known.TryGetValue((path, query), out var known) && !known.Variant.Evicted)
        {
            var source = store.FileProvider.GetFileInfo(known.LibraryPath);
            if (source.Exists && source.Length == known.Length && source.LastModified.UtcTicks == known.Modified
                && cache.TryGet(known.Variant.Key, out var variant) && await TrySendAsync(context, variant, content: null))
            {
                return;
            }
        }
        if (request.Path.StartsWithSegments(RequestPath, out var rest) && MediaPaths.Normalize(rest.Value) is { } libraryPath)
        {
            await ResizeAsync(context, libraryPath, path, query);
            return;
        }
        await next(context);
    }

    private async Task ResizeAsync(HttpContext context, string libraryPath, string path, string query)
    {
        var settings = options.Value;
        if (!MediaQueryParser.TryParse(query, settings, out var parsed, out var error))
        {
            await ProblemAsync(context, error);
            return;
        }
        var source = parsed is null ? null : store.FileProvider.GetFileInfo(libraryPath);
        if (parsed is null || source is null || !source.Exists || source.IsDirectory)
        {
            // Nothing to process (no command, or only a version), or nothing there: the static files answer.
            await next(context);
            return;
        }
        if (!MediaImageEngine.HasImageExtension(libraryPath))
        {
            await ProblemAsync(context, new(parsed.FirstCommand,
                $"'{parsed.FirstCommand}' applies to images (JPEG, PNG, WebP or GIF) only, and '{MediaPaths.FileNameOf(libraryPath)}' is not one."));
            return;
        }
        var commands = parsed.Commands;
        if (settings.UseTokenizedQueryString)
        {
            if (!tokens.TryValidateToken(parsed.SignedCommands, parsed.Token, settings.AcceptOrchardCoreTokens))
            {
                await ProblemAsync(context, new(MediaCommands.Token, parsed.Token is null
                    ? "Resize commands need the 'token' this site adds when it builds the URL."
                    : "The 'token' does not match the commands: the URL was changed or not made by this site."));
                return;
            }
        }
        else if (MediaQueryParser.CheckUnsigned(parsed, settings) is { } refused)
        {
            await ProblemAsync(context, refused);
            return;
        }
        else
        {
            // Unsigned versions would let anyone make endless copies of one variant.
            commands = commands with { Version = null };
        }

        var key = ResizedImageCache.KeyOf(libraryPath, source.Length, source.LastModified, commands.Normalized());
        for (var attempt = 0; attempt < 2; attempt++)
        {
            CachedVariant variant;
            byte[]? content;
            try
            {
                // Not the request's token: the computation may be serving other requests that still wait for it.
                (variant, content) = await cache.GetOrCreateAsync(key, () => engine.ProcessAsync(source, commands, CancellationToken.None));
            }
            catch (MediaProcessingException refused)
            {
                await ProblemAsync(context, new(refused.Field, refused.Message));
                return;
            }
            Remember(path, query, new KnownRequest(libraryPath, source.Length, source.LastModified.UtcTicks, variant));
            if (await TrySendAsync(context, variant, content))
            {
                return;
            }
        }
        throw new IOException($"The resized image of '{libraryPath}' disappeared from the cache while being served.");
    }

    /// <summary>Remembers a short address that names only parameters this site reads. Parameters it ignores, or a long
    /// address, would let anyone hold memory with endless addresses of one variant (some 1.6 GB before this check).</summary>
    private void Remember(string path, string query, KnownRequest known)
    {
        var length = path.Length + query.Length;
        if (length > MaxRememberedLength || !NamesOnlyCommands(query))
        {
            return;
        }
        if (_known.Count >= MaxKnownRequests || KnownCharacters + length > MaxKnownCharacters)
        {
            _known.Clear();
            Interlocked.Exchange(ref _knownCharacters, 0);
        }
        if (_known.TryAdd((path, query), known))
        {
            Interlocked.Add(ref _knownCharacters, length);
        }
        else
        {
            _known[(path, query)] = known;
        }
    }

    private static bool NamesOnlyCommands(string query)
    {
        foreach (var pair in new QueryStringEnumerable(query))
        {
            if (!MediaCommands.IsKnown(pair.DecodeName().ToString()))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Sends the variant (from memory when just made, otherwise the file through the server's file sending);
    /// false when its file is gone, for example deleted by another instance sharing the cache folder.</summary>
    private async Task<bool> TrySendAsync(HttpContext context, CachedVariant variant, byte[]? content)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = variant.ETag;
        headers.CacheControl = _cacheControl;
        if (Matches(context.Request.Headers.IfNoneMatch, variant.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = variant.ContentType;
        response.ContentLength = variant.Length;
        headers.XContentTypeOptions = "nosniff";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return true;
        }
        if (content is not null)
        {
            await response.Body.WriteAsync(content, context.RequestAborted);
            return true;
        }
        try
        {
            await response.SendFileAsync(variant.PhysicalPath, 0, variant.Length, context.RequestAborted);
            return true;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException && !response.HasStarted)
        {
            cache.Forget(variant);
            headers.Remove(HeaderNames.ETag);
            return false;
        }
    }

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is not null && (value.Contains(etag, StringComparison.Ordinal) || value.Trim() == "*"))
            {
                return true;
            }
        }
        return false;
    }

    private static Task ProblemAsync(HttpContext context, MediaQueryError error)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] },
            detail: error.Message, title: "The image request is not valid.").ExecuteAsync(context);
}
