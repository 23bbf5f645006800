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
/// Signs media URLs so that only this site decides which variants exist. The token is Orchard Core's: an
/// HMAC-SHA256, keyed by the site's 64-byte key, over the values of the processing commands (and <c>v</c>)
/// concatenated in query order, in Base64, carried as <c>token=</c>.
/// </summary>
public sealed class MediaTokenService(IServiceScopeFactory scopes) : IDisposable
{
    public const int KeyLength = 64;

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
        var token = ComputeToken(GetKey(), signed.Select(p => p.Value));
        var url = new StringBuilder(pathAndQuery, 0, question, pathAndQuery.Length + 64);
        var separator = '?';
        foreach (var (name, value) in signed.Append(new(MediaCommands.Token, token)).Concat(others))
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return url.ToString();
    }

    /// <summary>Whether the token was made by this site for these values (the signed commands' values, in query order).</summary>
    public bool TryValidateToken(IReadOnlyList<string> signedValues, string? token)
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
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(GetKey(), signedValues, expected);
        return CryptographicOperations.FixedTimeEquals(given[..length], expected);
    }

    public static string ComputeToken(byte[] key, IEnumerable<string> signedValues)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(key, signedValues, hash);
        return Convert.ToBase64String(hash);
    }

    private static void Hash(byte[] key, IEnumerable<string> values, Span<byte> destination)
        => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Concat(values)), destination);

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
