using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Twinning.Module.Features.Authentication;

/// <summary>Encrypts each new key of the key ring to the configured certificate (XML encryption, as ASP.NET Core's
/// certificate encryptor does) and names <see cref="KeyRingDecryptor"/> as the way back, so decrypting needs the
/// certificate file only, not a certificate store.</summary>
public sealed class KeyRingEncryptor(X509Certificate2 certificate, ILoggerFactory logging) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _encryptor = new(certificate, logging);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        => new(_encryptor.Encrypt(plaintextElement).EncryptedElement, typeof(KeyRingDecryptor));
}

/// <summary>Decrypts keys that <see cref="KeyRingEncryptor"/> encrypted, with the configured certificate's private key.
/// Data protection creates it by type name, with the site's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyRingCertificate>().Certificate
            ?? throw new InvalidOperationException($"The key ring is encrypted to a certificate, but {KeyRingOptions.Section}:CertificatePath is not set.");
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new WithCertificate(document, certificate).DecryptDocument();
        return XElement.Load(new XmlNodeReader(document.DocumentElement!.FirstChild!));
    }

    /// <summary>Unwraps the session key with the certificate's RSA key; the key ring holds only keys for this certificate.</summary>
    private sealed class WithCertificate(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            using var rsa = certificate.GetRSAPrivateKey()
                ?? throw new InvalidOperationException("The key ring certificate has no RSA private key.");
            var oaep = encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl;
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, oaep);
        }
    }
}
