using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.Account;

/// <summary>
/// What an editor typed into the content editor when their session had ended: the form is kept when the POST is sent
/// to sign in, and given back to the same editor's form after they have signed in again, unsaved.
/// <para>
/// Why server-side, in memory: the values never travel in an address (where logs and the browser's history would keep
/// them), nor in a cookie (a forum's text exceeds a cookie's few kilobytes), nor through the sign-in page, which would
/// have to carry them through two-factor sign-in as well. They stay in this process's memory for
/// <see cref="Lifetime"/>, are given back once, and are never written to disk. The cost: a site run on several
/// instances without sticky sessions may sign the editor in on another instance, which then has nothing to give back
/// (nothing is saved either way).
/// </para>
/// <para>
/// Keyed to the user: the entry is found by this browser's anti-forgery cookie and the form's address, and given back
/// only when the anti-forgery token the form was posted with is valid for the editor who has just signed in, in this
/// browser. So another site cannot plant values into an editor's form (it has no valid token; the anti-forgery cookie
/// is SameSite=Strict besides), and another user signing in on the same browser gets nothing. Giving the values back
/// saves nothing: the form carries the version it was based on, and saving it is a new POST with a new token, checked
/// for anti-forgery and for a stale version like any other.
/// </para>
/// <para>
/// Only signed-in editors' forms are kept: the editor page writes <see cref="OwnerField"/>, the editor's id protected by
/// this site's keys, and a form without a valid one is not kept. So someone with no account cannot fill the memory
/// set aside for editors' forms, and a form is given back only to the user whose form it was.
/// </para>
/// <para>
/// A share per client: whoever holds one editor page's owner value (valid for a day) could post it again and again
/// from new browsers. So each client, the connection's address as ASP.NET Core resolves it (forwarded headers count
/// only from a configured proxy; an IPv6 address counts by its /64 network, which one client usually holds whole),
/// keeps at most <see cref="MaxFormsPerClient"/> forms of <see cref="MaxBytesPerClient"/> together, its oldest given up
/// first; one client filling its share leaves the other clients' forms where they are.
/// </para>
/// </summary>
public sealed partial class PendingForms(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions,
    IDataProtectionProvider dataProtection, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>The hidden input that carries the form's owner.</summary>
    public const string OwnerField = "pendingFormOwner";

    /// <summary>How long an editor page's owner stays valid: longer than any session (8 hours, sliding) would let a
    /// page stay open and still be worth giving back.</summary>
    private static readonly TimeSpan OwnerLifetime = TimeSpan.FromHours(24);

    private readonly ITimeLimitedDataProtector _owners = dataProtection.CreateProtector("Twinning.PendingForms.Owner.v1").ToTimeLimitedDataProtector();

    /// <summary>Room for many editors' forms at once; a form that does not fit is not kept (signing in still works).</summary>
    private const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The forms one client keeps at most: a few editors behind one office address, each with a few tabs.</summary>
    public const int MaxFormsPerClient = 20;

    /// <summary>The room one client's forms take at most: an eighth of <see cref="MaxBytes"/>.</summary>
    public const long MaxBytesPerClient = MaxBytes / 8;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    /// <summary>Each client's kept forms, the oldest first: their keys and sizes. Entries given back or expired are
    /// dropped from a client's list when it keeps another form, and every <see cref="Lifetime"/> from all lists.</summary>
    private readonly Dictionary<string, List<(string Key, long Size)>> _byClient = new(StringComparer.Ordinal);

    private readonly Lock _clients = new();

    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public void Dispose() => _cache.Dispose();

    /// <summary>A form as posted: its fields, the anti-forgery token it carried, and the user whose form it is.</summary>
    public sealed record Entry(IFormCollection Form, string Token, string UserId);

    /// <summary>The value of <see cref="OwnerField"/> for the signed-in <paramref name="user"/>'s editor page; null when
    /// nobody is signed in.</summary>
    public string? Owner(ClaimsPrincipal user)
        => PermissionService.UserIdOf(user) is { Length: > 0 } id ? _owners.Protect(id, clock.GetUtcNow() + OwnerLifetime) : null;

    /// <summary>The user id an <see cref="OwnerField"/> value was written for, if it is this site's and not expired.</summary>
    private string? OwnerOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            var id = _owners.Unprotect(value, out var expires);
            return expires > clock.GetUtcNow() ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The content editor's save (<c>/admin/content/edit/{id}</c>, <c>/admin/content/new/{type}</c>), not its
    /// other handlers.</summary>
    [GeneratedRegex("^/admin/content/(new|edit)/[^/]+$")]
    private static partial Regex EditorPath();

    /// <summary>Called when a request is sent to sign in: keeps the posted editor form, if that is what it is.</summary>
    public async Task KeepAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || !EditorPath().IsMatch(request.Path.Value ?? "")
            || request.Query.ContainsKey("handler") || Key(http, request.Path + request.QueryString) is not { } key)
        {
            return;
        }
        var form = await request.ReadFormAsync(http.RequestAborted);
        var options = antiforgeryOptions.Value;
        if (form.Files.Count > 0 || form[options.FormFieldName] is not { Count: 1 } token || string.IsNullOrEmpty(token[0])
            || OwnerOf(form[OwnerField].FirstOrDefault()) is not { } userId)
        {
            return;
        }
        var fields = form.Where(f => f.Key != options.FormFieldName && f.Key != OwnerField).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        // Characters as UTF-16 bytes, plus the entry itself.
        var size = fields.Sum(f => (f.Key.Length + f.Value.Sum(v => v?.Length ?? 0)) * 2L) + 1024;
        if (size > MaxBytesPerClient)
        {
            return;
        }
        lock (_clients)
        {
            var kept = KeptBy(ClientOf(http));
            // The same form posted again replaces its entry; then the client's oldest make room.
            kept.RemoveAll(k => k.Key == key);
            while (kept.Count >= MaxFormsPerClient || kept.Sum(k => k.Size) + size > MaxBytesPerClient)
            {
                _cache.Remove(kept[0].Key);
                kept.RemoveAt(0);
            }
            _cache.Set(key, new Entry(new FormCollection(fields), token[0]!, userId), new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = Lifetime });
            kept.Add((key, size));
        }
    }

    /// <summary>A client's list of kept forms, those no longer kept dropped (under the lock); now and then the lists of
    /// clients that keep nothing are dropped too.</summary>
    private List<(string Key, long Size)> KeptBy(string client)
    {
        if (clock.GetUtcNow() >= _nextSweep)
        {
            foreach (var (address, forms) in _byClient)
            {
                DropGone(forms);
                if (forms.Count == 0)
                {
                    _byClient.Remove(address);
                }
            }
            _nextSweep = clock.GetUtcNow() + Lifetime;
        }
        if (!_byClient.TryGetValue(client, out var kept))
        {
            _byClient[client] = kept = [];
        }
        DropGone(kept);
        return kept;
    }

    /// <summary>Drops from a list the forms no longer kept: given back, expired, or pushed out by the overall cap.</summary>
    private void DropGone(List<(string Key, long Size)> kept) => kept.RemoveAll(k => !_cache.TryGetValue(k.Key, out _));

    /// <summary>Who posted: the connection's address (an IPv6 address by its /64 network), "" when unknown.</summary>
    private static string ClientOf(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address)
        {
            return "";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? Convert.ToHexString(address.GetAddressBytes(), 0, 8) + "::/64"
            : address.ToString();
    }

    /// <summary>Whether a form posted from this browser to <paramref name="returnUrl"/> waits for its editor to sign in.</summary>
    public bool Waits(HttpContext http, string? returnUrl)
        => returnUrl is not null && Key(http, returnUrl) is { } key && _cache.TryGetValue(key, out _);

    /// <summary>The form posted from this browser to <paramref name="pathAndQuery"/>, once, if its anti-forgery token is
    /// valid for the signed-in user; null otherwise.</summary>
    public async Task<IFormCollection?> TakeAsync(HttpContext http, string pathAndQuery)
    {
        if (http.User.Identity?.IsAuthenticated != true || Key(http, pathAndQuery) is not { } key || !_cache.TryGetValue<Entry>(key, out var entry) || entry is null)
        {
            return null;
        }
        _cache.Remove(key);
        if (PermissionService.UserIdOf(http.User) != entry.UserId)
        {
            return null;
        }
        // The token checked as if it came with a POST from this browser now: the same anti-forgery cookie, this user.
        var probe = new DefaultHttpContext { RequestServices = http.RequestServices, User = http.User };
        probe.Request.Method = HttpMethods.Post;
        probe.Request.Headers.Cookie = http.Request.Headers.Cookie;
        probe.Request.Headers[antiforgeryOptions.Value.HeaderName ?? "RequestVerificationToken"] = entry.Token;
        return await antiforgery.IsRequestValidAsync(probe) ? entry.Form : null;
    }

    /// <summary>The entry's key: the browser's anti-forgery cookie (hashed) and the form's address; null without the cookie.</summary>
    private string? Key(HttpContext http, string pathAndQuery)
    {
        if (antiforgeryOptions.Value.Cookie.Name is not { } name || !http.Request.Cookies.TryGetValue(name, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookie + "\n" + pathAndQuery)));
        return "twinning:pending-form:" + hash;
    }
}
