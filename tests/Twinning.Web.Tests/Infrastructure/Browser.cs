using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium, driven by Playwright, against the real host listening on a loopback port.</summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>Where .ci/run installs Chromium from Debian; CHROMIUM_PATH points elsewhere.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page, string baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        BaseAddress = baseAddress;
    }

    public IPage Page { get; }

    public string BaseAddress { get; }

    /// <summary>Starts the app (not started yet) on Kestrel, on a free port, and a headless Chromium with a fresh profile.</summary>
    public static async Task<Browser> OpenAsync(TwinningApplication app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // The machine has no network beyond loopback: background fetches would only fail and slow it down.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = address });
        return new Browser(playwright, browser, page, address);
    }

    /// <summary>Signs in through the real login form.</summary>
    public async Task SignInAsync(string userName, string password, string returnUrl)
    {
        await Page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
