using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>Editors sign in at <c>/account/login</c> with an anti-forgery protected form; the cookie opens the API.</summary>
public sealed partial class LoginTests
{
    private const string Password = "a long passphrase for tests";

    private static async Task<(TwinningApplication App, HttpClient Browser)> StartAsync()
    {
        var app = await Articles.StartAsync(Providers.Sqlite);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent");
        var problems = await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Password, ["Editor"]));
        Assert.Empty(problems);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return (app, browser);
    }

    private static async Task<string> FormTokenAsync(HttpClient browser)
    {
        var page = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        return TokenInput().Match(page).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
        => browser.PostAsync(path, new FormUrlEncodedContent(fields));

    private static Task<HttpResponseMessage> PostArticleAsync(HttpClient browser)
        => browser.PostItemAsync("""{ "ContentType": "Article", "TitlePart": { "Title": "Z redakcji" }, "Article": { "Lead": { "Text": "x" } } }""");

    [Fact]
    public async Task AnEditorSignsInAndTheCookieOpensTheApi()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;

        var login = await PostFormAsync(browser, "/account/login", new()
        {
            ["__RequestVerificationToken"] = await FormTokenAsync(browser),
            ["userName"] = "redaktor",
            ["password"] = Password,
            ["returnUrl"] = "/api/content",
        });
        var post = await PostArticleAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/api/content", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var saved = await post.JsonAsync();
        Assert.Equal("redaktor", saved["Author"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALoginWithoutTheAntiforgeryTokenIsRefused()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;
        await browser.GetAsync("/account/login");

        var login = await PostFormAsync(browser, "/account/login", new() { ["userName"] = "redaktor", ["password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostArticleAsync(browser)).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordSignsNobodyIn()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;

        var login = await PostFormAsync(browser, "/account/login", new()
        {
            ["__RequestVerificationToken"] = await FormTokenAsync(browser),
            ["userName"] = "redaktor",
            ["password"] = "not the password at all",
        });

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Contains("wrong", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostArticleAsync(browser)).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    // Browsers drop tabs and line breaks from URLs, so these would become //evil.example; they once answered 500.
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/api/content\r\n")]
    public async Task AnOffSiteOrMalformedReturnUrlRedirectsHome(string returnUrl)
    {
        var (app, browser) = await StartAsync();
        using var _ = app;

        var login = await PostFormAsync(browser, "/account/login", new()
        {
            ["__RequestVerificationToken"] = await FormTokenAsync(browser),
            ["userName"] = "redaktor",
            ["password"] = Password,
            ["returnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SigningOutNeedsTheTokenAndEndsTheSession()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;
        await PostFormAsync(browser, "/account/login", new()
        {
            ["__RequestVerificationToken"] = await FormTokenAsync(browser),
            ["userName"] = "redaktor",
            ["password"] = Password,
        });

        var forged = await PostFormAsync(browser, "/account/logout", []);
        var stillIn = await PostArticleAsync(browser);
        var logout = await PostFormAsync(browser, "/account/logout", new() { ["__RequestVerificationToken"] = await FormTokenAsync(browser) });
        var after = await PostArticleAsync(browser);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
