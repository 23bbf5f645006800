using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Caching;

namespace Twinning.Module.Features.Preview;

/// <summary>The <c>Twinning:Preview</c> section.</summary>
public sealed class PreviewOptions
{
    public const string Section = "Twinning:Preview";

    /// <summary>How long a preview link works after the editor opened it. Default 30 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>What a preview token came to.</summary>
public enum PreviewTokenStatus
{
    Valid,

    /// <summary>Not a token this site signed (altered, truncated, from another site or key ring).</summary>
    Invalid,

    Expired,
}

/// <summary>A preview token read: the one item it lets its holder read, and until when.</summary>
public sealed record PreviewTokenReading(PreviewTokenStatus Status, string? ContentItemId = null, DateTimeOffset? ExpiresUtc = null);

/// <summary>
/// Short-lived signed tokens for a front end's preview page: each names one content item and an expiry, is signed and
/// encrypted with the site's data protection keys, and lets its holder read that item's latest version (a draft)
/// through <c>GET /api/content/{id}</c> with <c>Authorization: Preview {token}</c>, and nothing else. The expiry is
/// checked against the site's clock.
/// </summary>
public sealed class PreviewTokens(IDataProtectionProvider protection, IOptions<PreviewOptions> options, TimeProvider clock)
{
    /// <summary>The scheme of the <c>Authorization</c> header that carries a token.</summary>
    public const string Scheme = "Preview";

    private readonly IDataProtector _protector = protection.CreateProtector("Twinning.Preview.v1");

    /// <summary>A token for the item, valid for <see cref="PreviewOptions.TokenLifetime"/> from now.</summary>
    public (string Token, DateTimeOffset ExpiresUtc) Issue(string contentItemId)
    {
        var expires = clock.GetUtcNow() + options.Value.TokenLifetime;
        var payload = $"{contentItemId}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return (_protector.Protect(payload), expires);
    }

    public PreviewTokenReading Read(string? token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token ?? "");
        }
        catch (CryptographicException)
        {
            return new PreviewTokenReading(PreviewTokenStatus.Invalid);
        }
        var bar = payload.LastIndexOf('|');
        if (bar <= 0 || !long.TryParse(payload.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new PreviewTokenReading(PreviewTokenStatus.Invalid);
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new PreviewTokenReading(clock.GetUtcNow() < expires ? PreviewTokenStatus.Valid : PreviewTokenStatus.Expired, payload[..bar], expires);
    }

    /// <summary>The token of an <c>Authorization: Preview {token}</c> header, or null when the request carries none.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) ? header[(Scheme.Length + 1)..].Trim() : null;
    }
}

/// <summary>A request with a preview token is never tagged, kept or answered from the cache: its answer is the token
/// holder's alone (<c>Cache-Control: private, no-store</c>).</summary>
public sealed class PreviewRequestsUncached : IUncachedRequests
{
    public bool Applies(HttpRequest request) => PreviewTokens.TokenOf(request) is not null;
}
