using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>An editor's sign-in holds on every instance over the same database, and across restarts.</summary>
public sealed partial class SharedSignInTests
{
    private const string Password = "a long passphrase for tests";

    [Fact]
    public async Task ACookieFromOneInstanceOpensTheApiOnAnother()
    {
        var dataPath = Directory.CreateTempSubdirectory("twinning-shared-").FullName;
        var settings = new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password };
        try
        {
            using var first = new TwinningApplication(Providers.Sqlite, runRecipe: false, settings, dataPath);
            var browser = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var form = await browser.GetAsync("/account/login");
            var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            var token = TokenInput().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
            var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["userName"] = "admin",
                    ["password"] = Password,
                }),
            };
            login.Headers.Add("Cookie", antiforgeryCookie);
            var signedIn = await browser.SendAsync(login);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Twinning.Auth=", StringComparison.Ordinal)).Split(';')[0];

            // The key ring lives in the site's database, not in a folder of one machine.
            await using (var db = first.CreateDbContext())
            {
                Assert.Contains("<key", System.Text.Json.JsonSerializer.Deserialize<List<string>>(db.Documents.Single(d => d.Name == "DataProtectionKeys").Content)!.Single(), StringComparison.Ordinal);
            }

            using var second = new TwinningApplication(Providers.Sqlite, runRecipe: false, settings, dataPath);
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/webhooks");
            request.Headers.Add("Cookie", authCookie);
            var response = await second.CreateClient().SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await second.CreateClient().GetAsync("/api/webhooks")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
