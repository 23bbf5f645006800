using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>Password guessing: accounts lock after repeated failures without telling whether they exist, and the
/// sign-in form and the token endpoint are rate limited per client address (429 with Retry-After); each logged.</summary>
public sealed class LockoutTests
{
    private const string Password = "a long passphrase for tests";

    private static async Task<TwinningApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, settings);
        app.CreateClient();
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Password, [])));
        return app;
    }

    private static HttpClient Browser(TwinningApplication app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountWithTheAnswerAnUnknownUserGets()
    {
        using var app = await StartAsync(new() { ["Twinning:Accounts:MaxFailedAccessAttempts"] = "3" });
        var browser = Browser(app);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync("redaktor", "not the passphrase at all")).StatusCode);
        }
        var locked = await browser.SignInAsync("redaktor", Password);
        var unknown = await browser.SignInAsync("nieznany", Password);

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(await unknown.AlertAsync(), await locked.AlertAsync());
        Assert.Contains("locked", await locked.AlertAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/content")).StatusCode);
        Assert.Contains(app.Log, l => l.StartsWith("Warning: Locked out the user 'redaktor'", StringComparison.Ordinal));
        Assert.Contains(app.Log, l => l.StartsWith("Warning: Refused sign-in of the locked-out user 'redaktor'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLockoutEndsAfterItsDurationAndASuccessStartsTheCountAgain()
    {
        using var app = await StartAsync(new() { ["Twinning:Accounts:MaxFailedAccessAttempts"] = "2" });
        // The site's clock is moved on rather than waited for, so a slow machine cannot end the lockout early.
        var clock = new MovableClock();
        using var clocked = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var browser = clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await browser.SignInAsync("redaktor", "not the passphrase at all");
        await browser.SignInAsync("redaktor", "not the passphrase at all");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync("redaktor", Password)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync("redaktor", Password)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await browser.SignInAsync("redaktor", Password);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var stored = await app.CreateDbContext().Users.SingleAsync(u => u.UserName == "redaktor");
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.Null(stored.LockoutEnd);
    }

    [Fact]
    public async Task TooManySignInPostsFromOneAddressAnswer429WithRetryAfter()
    {
        using var app = await StartAsync(new() { ["Twinning:Accounts:SignInPermitLimit"] = "3" });
        var browser = Browser(app);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync("redaktor", "not the passphrase at all")).StatusCode);
        }
        var refused = await browser.SignInAsync("redaktor", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        // Showing the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).StatusCode);
        Assert.Contains(app.Log, l => l.StartsWith("Warning: Rate limit reached: refused POST /account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TooManyTokenRequestsAnswer429WithRetryAfter()
    {
        using var app = await StartAsync(new() { ["Twinning:Accounts:TokenPermitLimit"] = "2" });

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await app.RequestTokenAsync("guessed-client", "guessed secret"));
        }

        Assert.All(answers.Take(2), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2].StatusCode);
        Assert.True(answers[2].Headers.Contains("Retry-After"));
        Assert.Contains(app.Log, l => l.StartsWith("Warning: Rate limit reached: refused POST /connect/token", StringComparison.Ordinal));
    }

    // Documentation addresses (RFC 5737).
    private const string Proxy = "192.0.2.10";
    private const string Stranger = "198.51.100.7";

    [Fact]
    public async Task TheLimitCountsPerClientAsTheConfiguredProxyNamesItAndNeverPerRawHeader()
    {
        using var app = await StartAsync(new()
        {
            ["Twinning:Accounts:SignInPermitLimit"] = "1",
            ["Twinning:Hosting:KnownProxies:0"] = Proxy,
        });

        using var site = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress())));
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        async Task<HttpStatusCode> PostAsync(string from, string forwardedFor)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add(RemoteAddress.PeerHeader, from);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await client.SendAsync(request)).StatusCode;
        }

        // Through the proxy: each client its own budget.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(Proxy, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(Proxy, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(Proxy, "203.0.113.6"));
        // Anyone else's X-Forwarded-For is no new address.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(Stranger, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(Stranger, "203.0.113.8"));
    }
}
