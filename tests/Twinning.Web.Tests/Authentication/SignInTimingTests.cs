using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>A sign-in with an unknown user name takes as long as one with a wrong password, so its timing does not
/// tell which user names exist. Checked by the work done (password hashes verified, and with what cost), which a
/// busy machine cannot blur as it would a stopwatch.</summary>
public sealed partial class SignInTimingTests
{
    private const string Password = "a long passphrase for tests";

    [Fact]
    public async Task AnUnknownUserCostsTheSamePasswordHashWorkAsAWrongPassword()
    {
        var hasher = new RecordingHasher();
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        using var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<UserRecord>>(hasher)));
        site.CreateClient();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync("redaktor", null, Password, []));
        }
        var browser = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var wrongPassword = await SignInAsync(browser, "redaktor", "not the passphrase at all");
        var existing = hasher.TakeVerified();
        var unknownUser = await SignInAsync(browser, "nieznany", "not the passphrase at all");
        var unknown = hasher.TakeVerified();

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        var existingHash = Assert.Single(existing);
        var unknownHash = Assert.Single(unknown);
        // Identity's version 3 hashes begin with the format, the PRF, the iteration count and the salt length: the same
        // header means the same PBKDF2 work.
        Assert.Equal(Header(existingHash), Header(unknownHash));
    }

    private static byte[] Header(string hash) => Convert.FromBase64String(hash)[..13];

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password)
    {
        var page = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenInput().Match(page).Groups[1].Value,
            ["userName"] = userName,
            ["password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    /// <summary>The site's own hasher, noting each hash a password is verified against.</summary>
    private sealed class RecordingHasher : IPasswordHasher<UserRecord>
    {
        // As the test sites hash (TwinningApplication.TestPasswordIterations): the hash the site keeps for unknown
        // users is made once per process, by whichever site asked first.
        private readonly PasswordHasher<UserRecord> _inner = new(Options.Create(new PasswordHasherOptions { IterationCount = TwinningApplication.TestPasswordIterations }));
        private readonly ConcurrentQueue<string> _verified = new();

        public string HashPassword(UserRecord user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserRecord user, string hashedPassword, string providedPassword)
        {
            _verified.Enqueue(hashedPassword);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }

        public List<string> TakeVerified()
        {
            var taken = new List<string>();
            while (_verified.TryDequeue(out var hash))
            {
                taken.Add(hash);
            }
            return taken;
        }
    }
}
