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
public sealed class HttpCachingMiddleware(RequestDelegate next, SiteChangeToken changes, ResponseCache cache, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<CachedBySiteState>() is null)
        {
            await next(context);
            return;
        }
        var etag = $"W/\"{(await changes.GetAsync(context.RequestAborted)).ToString("x", CultureInfo.InvariantCulture)}-{Variant(context)}\"";
        var anonymous = context.User.Identity?.IsAuthenticated != true;
        if (request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetHeaders(context.Response, etag, anonymous);
            return;
        }
        // "Cache-Control: no-cache" from the client asks for an answer made now (RFC 9111), not a kept one.
        var fresh = request.Headers.CacheControl.Any(v => v is not null && v.Contains("no-cache", StringComparison.OrdinalIgnoreCase));
        if (anonymous && !fresh && cache.TryGet(etag, out var cached))
        {
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
        if (!anonymous || !cache.Enabled || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }
        await RunAndKeepAsync(context, etag);
    }

    /// <summary>Runs the endpoint with its body captured, keeps a successful answer, then sends it on.</summary>
    private async Task RunAndKeepAsync(HttpContext context, string etag)
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
        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length <= ResponseCache.MaxEntryBytes && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            cache.Set(etag, new CachedResponse(response.ContentType, buffer.ToArray()));
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

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
        var key = $"{context.Request.Path}{context.Request.QueryString}|{context.Request.Headers.AcceptLanguage}|{who}|{minute}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8).ToLowerInvariant();
    }
}

/// <summary>Marks an endpoint whose answer changes with the clock (e.g. "open now"): its ETag also carries the
/// current minute, so a revalidation never confirms an answer from an earlier minute.</summary>
public sealed class VariesWithTime;
