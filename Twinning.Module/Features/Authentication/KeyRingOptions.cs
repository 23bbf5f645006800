using System.Security.Cryptography.X509Certificates;

namespace Twinning.Module.Features.Authentication;

/// <summary>The <c>Twinning:DataProtection</c> section: how the keys stored in the database are kept secret.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "Twinning:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the key ring at rest: the keys behind sign-in
    /// cookies and anti-forgery tokens, and through them the keys that sign API tokens. Unset, they are stored in
    /// the database unencrypted. Keep the file outside the database and its backups: a backup without it reveals no key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The certificate, or <c>null</c> when none is configured; a file that cannot be read stops start-up.</summary>
    public X509Certificate2? LoadCertificate()
    {
        if (string.IsNullOrEmpty(CertificatePath))
        {
            return null;
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{Section}:CertificatePath: '{CertificatePath}' holds no private key, which decrypting the key ring needs.");
    }
}

/// <summary>The configured certificate, loaded once for the process.</summary>
public sealed class KeyRingCertificate(Microsoft.Extensions.Options.IOptions<KeyRingOptions> options) : IDisposable
{
    private readonly Lazy<X509Certificate2?> _certificate = new(() => options.Value.LoadCertificate());

    public X509Certificate2? Certificate => _certificate.Value;

    public void Dispose()
    {
        if (_certificate.IsValueCreated)
        {
            _certificate.Value?.Dispose();
        }
    }
}
