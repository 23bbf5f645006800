using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>With <c>Twinning:DataProtection:CertificatePath</c>, the keys stored in the database (the key ring behind
/// cookies and anti-forgery, and the API token signing keys) are encrypted to the certificate: a copy of the database
/// alone reveals none of them, and the site with its certificate works across restarts.</summary>
public sealed class KeyRingEncryptionTests
{
    [Fact]
    public async Task StoredKeysAreEncryptedAndTokensSurviveARestart()
    {
        var dataPath = Directory.CreateTempSubdirectory("twinning-test-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Twinning:DataProtection:CertificatePath"] = WriteCertificate(dataPath, "key-ring-password"),
            ["Twinning:DataProtection:CertificatePassword"] = "key-ring-password",
        };
        try
        {
            string token;
            string itemId;
            using (var first = new TwinningApplication(Providers.Sqlite, runRecipe: false, settings, dataPath) { GeneratesApiKeys = true })
            {
                first.CreateClient();
                Assert.True((await first.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
                await first.DefineRoleAsync("Reader", "AccessContentApi", "ViewContent");
                await first.RegisterClientAsync("reader", "reader-secret-0123456789", "Reader");
                token = await first.GetTokenAsync("reader", "reader-secret-0123456789");
                itemId = (await first.SaveAsync(Articles.New("Klucze zaszyfrowane"))).Item!.ContentItemId;

                using var db = first.CreateDbContext();
                var keyRing = await db.Documents.Where(d => d.Name == "DataProtectionKeys").Select(d => d.Content).SingleAsync();
                var apiKeys = await db.Documents.Where(d => d.Name == "ApiSigningKeys").Select(d => d.Content).SingleAsync();
                Assert.Contains("EncryptedData", keyRing, StringComparison.Ordinal);
                Assert.DoesNotContain("masterKey", keyRing, StringComparison.Ordinal);
                // PKCS#8 RSA keys in base64 start with "MII"; protected ones are opaque.
                Assert.DoesNotContain("\"MII", apiKeys, StringComparison.Ordinal);
            }

            using var second = new TwinningApplication(Providers.Sqlite, runRecipe: false, settings, dataPath) { GeneratesApiKeys = true };
            var client = second.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/content/{itemId}")).StatusCode);
            Assert.NotNull(await second.GetTokenAsync("reader", "reader-secret-0123456789"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public void ACertificateThatCannotBeReadStopsStartUp()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:DataProtection:CertificatePath"] = "/nonexistent/key-ring.pfx",
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("key-ring.pfx", failure.ToString(), StringComparison.Ordinal);
    }

    private static string WriteCertificate(string folder, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Twinning key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
