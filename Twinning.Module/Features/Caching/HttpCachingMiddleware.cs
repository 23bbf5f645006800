using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Caching;

/// <summary>
/// ETag and Cache-Control on every read of the content API (GET and HEAD of endpoints marked
/// <see cref="CachedBySiteState"/>: content, lists, GraphQL, the twinning views). The tag combines the site's
/// change token with what makes this response differ (path, query, language and who asks), so
/// <c>If-None-Match</c> with a current tag gets 304 before any content is read, and any write makes every
/// older tag stale at once. Responses for signed-in callers are private; anonymous ones may sit in a CDN,
/// which must revalidate (no-cache), so a published change is never served stale. Anonymous answers are also
/// kept on the server under their tag (<see cref="ResponseCache"/>), so the same read costs no content work.
/// </summary>
public sealed class HttpCachingMiddleware(RequestDelegate next, SiteChangeToken changes, ResponseCache cache, TimeProvider clock,
    IEnumerable<IUncachedRequests> uncached)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<CachedBySiteState>() is null
            || uncached.Any(u => u.Applies(request)))
        {
            await next(context);
            return;
        }
        var etag = $"W/\"{(await changes.GetAsync(context.RequestAborted)).ToString("x", CultureInfo.InvariantCulture)}-{Variant(context)}\"";
        var anonymous = context.User.Identity?.IsAuthenticated != true;
        var conditions = IfNoneMatch(request);
        // A tag is only ever given to a successful answer, and the same request gets the same answer while the site
        // state is unchanged, so a current tag can be confirmed before any content is read. (A caller who computes a
        // tag for a request that fails only gets an empty 304 instead of its own error.)
        if (conditions.Contains(Opaque(etag)))
        {
            NotModified(context.Response, etag, anonymous);
            return;
        }
        // "*" matches only when there is a current representation (RFC 9110, 13.1.2): the endpoint must answer first,
        // and anything but a success (404, 401, 400) is sent as it is.
        var anyCurrent = conditions.Contains("*");
        // "Cache-Control: no-cache" from the client asks for an answer made now (RFC 9111), not a kept one.
        var fresh = request.Headers.CacheControl.Any(v => v is not null && v.Contains("no-cache", StringComparison.OrdinalIgnoreCase));
        if (anonymous && !fresh && cache.TryGet(etag, out var cached))
        {
            if (anyCurrent)
            {
                NotModified(context.Response, etag, anonymous);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = cached.ContentType;
            context.Response.ContentLength = cached.Body.Length;
            SetHeaders(context.Response, etag, anonymous);
            if (!HttpMethods.IsHead(request.Method))
            {
                await context.Response.Body.WriteAsync(cached.Body, context.RequestAborted);
            }
            return;
        }
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                SetHeaders(context.Response, etag, anonymous);
            }
            return Task.CompletedTask;
        });
        var keep = anonymous && cache.Enabled && !HttpMethods.IsHead(request.Method);
        if (!keep && !anyCurrent)
        {
            await next(context);
            return;
        }
        await RunBufferedAsync(context, etag, anonymous, keep, anyCurrent);
    }

    /// <summary>Runs the endpoint with its body captured; keeps a successful answer when asked to, then sends it on,
    /// or sends 304 instead when the request's <c>If-None-Match: *</c> matches it.</summary>
    private async Task RunBufferedAsync(HttpContext context, string etag, bool anonymous, bool keep, bool anyCurrent)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var response = context.Response;
        var ok = response.StatusCode == StatusCodes.Status200OK;
        if (keep && ok && buffer.Length <= ResponseCache.MaxEntryBytes && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            cache.Set(etag, new CachedResponse(response.ContentType, buffer.ToArray()));
        }
        if (anyCurrent && ok && !response.HasStarted)
        {
            // A 304 carries the validators but no body, nor the headers that describe one.
            response.Headers.Remove(HeaderNames.ContentType);
            response.ContentLength = null;
            NotModified(response, etag, anonymous);
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static void NotModified(HttpResponse response, string etag, bool anonymous)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        SetHeaders(response, etag, anonymous);
    }

    /// <summary>The entity tags of <c>If-None-Match</c>, compared weakly (RFC 9110, 8.8.3.2): without their <c>W/</c>.</summary>
    private static HashSet<string> IfNoneMatch(HttpRequest request)
        => request.Headers.IfNoneMatch.SelectMany(v => (v ?? "").Split(',')).Select(t => Opaque(t.Trim())).ToHashSet(StringComparer.Ordinal);

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static void SetHeaders(HttpResponse response, string etag, bool anonymous)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = anonymous ? "public, no-cache" : "private, no-cache";
        response.Headers.Vary = new[] { HeaderNames.Authorization, HeaderNames.Cookie, HeaderNames.AcceptLanguage }.Aggregate((a, b) => $"{a}, {b}");
    }

    /// <summary>A short hash of everything besides the site state that changes the response.</summary>
    private string Variant(HttpContext context)
    {
        var user = context.User;
        var who = user.Identity?.IsAuthenticated == true
            ? string.Join(',', user.FindAll(ClaimTypes.NameIdentifier).Concat(user.FindAll("sub")).Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value).Order(StringComparer.Ordinal))
            : "";
        var minute = context.GetEndpoint()?.Metadata.GetMetadata<VariesWithTime>() is null
            ? ""
            : clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        // The scheme and host too: answers may hold links to the address they were asked on, and a kept answer made for
        // one caller's Host header must never be given to another.
        var key = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}|{context.Request.Headers.AcceptLanguage}|{who}|{minute}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8).ToLowerInvariant();
    }
}

/// <summary>Marks an endpoint whose answer changes with the clock (e.g. "open now"): its ETag also carries the
/// current minute, so a revalidation never confirms an answer from an earlier minute.</summary>
public sealed class VariesWithTime;
