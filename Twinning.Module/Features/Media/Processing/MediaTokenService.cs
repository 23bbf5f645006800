using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>The site's media signing key, a site document so that every instance signs and checks alike.</summary>
public sealed class MediaTokenSettings
{
    /// <summary>64 random bytes, made once per site, as Orchard Core's media token settings hold them.</summary>
    public byte[]? HashKey { get; set; }
}

/// <summary>
/// Signs media URLs so that only this site decides which variants exist. The token is an HMAC-SHA256, keyed by the
/// site's 64-byte key, in Base64, carried as <c>token=</c>. It signs <see cref="Payload"/>: each signed command (and
/// <c>v</c>) as <c>name=value</c>, so every value is bound to its name. Orchard Core's token signs the values run
/// together in query order, so one of its tokens also opens other URLs (<c>v=…63&amp;width=320</c> signs what
/// <c>v=…633&amp;width=20</c> does); that format is accepted only where the site opts in.
/// </summary>
public sealed class MediaTokenService(IServiceScopeFactory scopes) : IDisposable
{
    public const int KeyLength = 64;

    /// <summary>Starts every signed payload, so that no payload of another format (or version) is ever the same text.</summary>
    public const string PayloadPrefix = "twinning-media-1\n";

    private byte[]? _key;
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>A service with a known key, for tests of the signing itself.</summary>
    internal MediaTokenService(IServiceScopeFactory scopes, byte[] key) : this(scopes) => _key = key;

    public void Dispose() => _loading.Dispose();

    /// <summary>Adds the token to a path with a query string. Paths without processing commands, or with only
    /// <c>v</c>, come back as they are; a token already there is replaced.</summary>
    public string AddTokenToPath(string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return pathAndQuery;
        }
        var signed = new List<KeyValuePair<string, string>>();
        var others = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(pathAndQuery[(question + 1)..]))
        {
            var name = pair.DecodeName().ToString();
            if (name == MediaCommands.Token)
            {
                continue;
            }
            (MediaCommands.IsSigned(name) ? signed : others).Add(new(name, pair.DecodeValue().ToString()));
        }
        if (signed.All(p => p.Key == MediaCommands.Version))
        {
            return pathAndQuery;
        }
        var token = ComputeToken(GetKey(), Payload(signed));
        var url = new StringBuilder(pathAndQuery, 0, question, pathAndQuery.Length + 64);
        var separator = '?';
        foreach (var (name, value) in signed.Append(new(MediaCommands.Token, token)).Concat(others))
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return url.ToString();
    }

    /// <summary>Whether the token was made by this site for these commands (the signed commands and <c>v</c>, as
    /// name and value in query order); also in Orchard Core's format when <paramref name="acceptOrchardCoreFormat"/>.</summary>
    public bool TryValidateToken(IReadOnlyList<KeyValuePair<string, string>> commands, string? token, bool acceptOrchardCoreFormat = false)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        // A '+' of the Base64 arrives as a space when a client did not escape it.
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(token.Replace(' ', '+'), given, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }
        return Matches(given[..length], Payload(commands))
            || (acceptOrchardCoreFormat && Matches(given[..length], OrchardCorePayload(commands)));
    }

    /// <summary>What a Twinning token signs: <see cref="PayloadPrefix"/>, then <c>name=value</c> for each signed
    /// command, both percent-encoded (so neither can hold the '=' or '&amp;' around it), sorted by name and joined with
    /// '&amp;'. One text per set of commands, and one set of commands per text.</summary>
    public static string Payload(IEnumerable<KeyValuePair<string, string>> commands)
        => PayloadPrefix + string.Join('&', commands
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>What Orchard Core's token signs: the values alone, concatenated in query order.</summary>
    public static string OrchardCorePayload(IEnumerable<KeyValuePair<string, string>> commands) => string.Concat(commands.Select(p => p.Value));

    public static string ComputeToken(byte[] key, string payload)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload), hash);
        return Convert.ToBase64String(hash);
    }

    private bool Matches(ReadOnlySpan<byte> given, string payload)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(GetKey(), Encoding.UTF8.GetBytes(payload), expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>Loads the site's key, making and storing it when the site has none yet.</summary>
    public async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken = default)
    {
        if (_key is { } known)
        {
            return known;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadOrCreateAsync();
        }
        finally
        {
            _loading.Release();
        }
    }

    private byte[] GetKey() => _key ?? Task.Run(() => LoadKeyAsync()).GetAwaiter().GetResult();

    private async Task<byte[]> LoadOrCreateAsync()
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
            if ((await documents.LoadAsync<MediaTokenSettings>(DocumentNames.MediaToken)).HashKey is { Length: KeyLength } stored)
            {
                return stored;
            }
            // Added, never overwritten: of instances starting together, the first to store its key wins.
            var made = new MediaTokenSettings { HashKey = RandomNumberGenerator.GetBytes(KeyLength) };
            if (await documents.TryAddAsync(DocumentNames.MediaToken, made))
            {
                return made.HashKey;
            }
        }
        await using var retry = scopes.CreateAsyncScope();
        var store = retry.ServiceProvider.GetRequiredService<DocumentStore>();
        var winner = await store.LoadAsync<MediaTokenSettings>(DocumentNames.MediaToken);
        if (winner.HashKey is { Length: KeyLength } key)
        {
            return key;
        }
        // A stored document without a usable key (edited by hand): replace it.
        winner.HashKey = RandomNumberGenerator.GetBytes(KeyLength);
        await store.SaveAsync(DocumentNames.MediaToken, winner);
        return winner.HashKey;
    }
}

/// <summary>Loads (or makes) the signing key once the database is migrated, so no request waits for it.</summary>
public sealed class MediaTokenKeyLoader(MediaTokenService tokens) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken) => tokens.LoadKeyAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
