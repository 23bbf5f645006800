using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Authentication;

/// <summary>The stored key pair: RSA keys as base64 PKCS#8 protected with the site's data protection key ring
/// (so a key ring encrypted at rest keeps these secret too), made once per site.</summary>
public sealed class ApiSigningKeysDocument
{
    public const string Name = "ApiSigningKeys";

    public string KeyId { get; set; } = "";
    public string SigningKey { get; set; } = "";
    public string EncryptionKey { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>False for documents written before the keys were protected; they are protected on the next start.</summary>
    public bool Protected { get; set; }
}

/// <summary>
/// The keys that sign access tokens (and encrypt OpenIddict's other tokens). They are generated on the first start
/// and stored in the <c>Documents</c> table, so they survive restarts and every instance over the same database
/// signs and accepts the same tokens.
/// </summary>
public sealed class ApiSigningKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, IApiKeyGenerator generator, TimeProvider clock, ILogger<ApiSigningKeys> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Twinning.ApiSigningKeys");

    private readonly Lock _lock = new();
    private Task<(RsaSecurityKey Signing, RsaSecurityKey Encryption)>? _loading;

    /// <summary>The keys, loaded (or made) once; a failed load is tried again on the next call.</summary>
    public Task<(RsaSecurityKey Signing, RsaSecurityKey Encryption)> GetAsync()
    {
        lock (_lock)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = LoadOrCreateAsync();
            }
            return _loading;
        }
    }

    private async Task<(RsaSecurityKey Signing, RsaSecurityKey Encryption)> LoadOrCreateAsync()
    {
        var document = await ReadAsync();
        if (document is null)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var signing = generator.Create();
                using var encryption = generator.Create();
                await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync(ApiSigningKeysDocument.Name, new ApiSigningKeysDocument
                {
                    KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
                    SigningKey = _protector.Protect(Convert.ToBase64String(signing.ExportPkcs8PrivateKey())),
                    EncryptionKey = _protector.Protect(Convert.ToBase64String(encryption.ExportPkcs8PrivateKey())),
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                    Protected = true,
                });
                logger.LogInformation("Generated the keys that sign API access tokens.");
            }
            catch (DbUpdateException)
            {
                // Another instance stored its keys first: everyone uses those.
            }
            document = await ReadAsync() ?? throw new InvalidOperationException("The API signing keys could not be stored.");
        }
        if (!document.Protected)
        {
            document = await ProtectAsync(document);
        }
        return (Import(_protector.Unprotect(document.SigningKey), document.KeyId), Import(_protector.Unprotect(document.EncryptionKey), document.KeyId + "-enc"));
    }

    /// <summary>Keys stored in the clear by an earlier release, protected in place: same keys, so issued tokens stay valid.</summary>
    private async Task<ApiSigningKeysDocument> ProtectAsync(ApiSigningKeysDocument document)
    {
        document.SigningKey = _protector.Protect(document.SigningKey);
        document.EncryptionKey = _protector.Protect(document.EncryptionKey);
        document.Protected = true;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync(ApiSigningKeysDocument.Name, document);
        logger.LogInformation("Protected the stored API signing keys with the data protection key ring.");
        return document;
    }

    private async Task<ApiSigningKeysDocument?> ReadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        return await documents.ExistsAsync(ApiSigningKeysDocument.Name)
            ? await documents.LoadAsync<ApiSigningKeysDocument>(ApiSigningKeysDocument.Name)
            : null;
    }

    private static RsaSecurityKey Import(string pkcs8, string keyId)
    {
        // The key lives as long as the process: the security key keeps using it.
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(pkcs8), out _);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}

/// <summary>Makes a site's new RSA keys. A service of its own because making one takes a tenth of a second of CPU:
/// a process that builds many throw-away sites (the test suite) may hand out keys it has already made.</summary>
public interface IApiKeyGenerator
{
    /// <summary>A new key, owned (and disposed of) by the caller.</summary>
    RSA Create();
}

/// <summary>2048-bit RSA keys, as OpenIddict's own key generation and Orchard Core's OpenID server make.</summary>
public sealed class ApiKeyGenerator : IApiKeyGenerator
{
    public RSA Create() => RSA.Create(2048);
}

/// <summary>Gives OpenIddict's server the stored keys. The options are built on the first request, after setup
/// has migrated the database; the initialization middleware has loaded the keys by then.</summary>
public sealed class ConfigureServerKeys(ApiSigningKeys keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        // Options are synchronous; this wait only blocks when something asks for the options before the first request.
        var (signing, encryption) = keys.GetAsync().GetAwaiter().GetResult();
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
