using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium, driven by Playwright: started once per test collection (<see cref="BrowserTestGroup"/>),
/// since starting it costs far more than a test; each test gets its own browser context (cookies, storage) from it.
/// It is Chromium's headless shell (Debian's chromium-headless-shell, what Playwright itself runs for headless
/// tests): the same Blink and V8 as the full browser without its window system; the full browser in headless mode
/// cost the tests twice the CPU (measured over the admin's browser tests: 373 s against 212 s).</summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where .ci/run installs the headless shell from Debian; CHROMIUM_PATH points elsewhere (a full
    /// Chromium, such as /usr/bin/chromium, works too).</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium-headless-shell";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Instance => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // The machine has no network beyond loopback: background fetches would only fail and slow it down.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>The editors' browser tests: they share one <see cref="Chromium"/> and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}

/// <summary>The editors' workflow browser tests (review, history, scheduling and preview, translation, dashboard, "Used
/// by", the keyboard-only forum, profile language, rich text): a third Chromium, so that the editors' tests make two
/// chains of about equal length instead of one as long as the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class WorkflowBrowserTestGroup : ICollectionFixture<Chromium>
{
    public const string Name = "Browser (workflows)";
}

/// <summary>The administrators' browser tests (users, roles, API clients, webhooks, settings, audit, accounts, reflow):
/// a second Chromium, so the two groups run beside each other instead of making one long chain.</summary>
[CollectionDefinition(Name)]
public sealed class AdministrationBrowserTestGroup : ICollectionFixture<Chromium>
{
    public const string Name = "Browser (administration)";
}

/// <summary>A fresh browser context of the shared Chromium against the real host listening on a loopback port.</summary>
public sealed partial class Browser : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private Browser(IBrowserContext context, IPage page, string baseAddress)
    {
        _context = context;
        Page = page;
        BaseAddress = baseAddress;
    }

    public IPage Page { get; }

    public string BaseAddress { get; }

    /// <summary>Starts the app (not started yet) on Kestrel, on a free port, and opens a new context (no cookies) on it.</summary>
    public static async Task<Browser> OpenAsync(Chromium chromium, TwinningApplication app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var context = await chromium.Instance.NewContextAsync(ContextOptions(address));
        return new Browser(context, await context.NewPageAsync(), address);
    }

    /// <summary>The viewport of the documentation's screenshots, for every test, so that a page looks the same whether
    /// or not screenshots are being taken.</summary>
    private static BrowserNewContextOptions ContextOptions(string address)
        => new() { BaseURL = address, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    /// <summary>Another browser context (a second editor, or the same one in a second window) on the same running app;
    /// <paramref name="options"/> for another viewport or device scale.</summary>
    public async Task<Browser> OpenAnotherAsync(Chromium chromium, BrowserNewContextOptions? options = null)
    {
        var context = await chromium.Instance.NewContextAsync(options is null ? ContextOptions(BaseAddress) : new(options) { BaseURL = BaseAddress });
        return new Browser(context, await context.NewPageAsync(), BaseAddress);
    }

    /// <summary>Another browser context on the same running app with JavaScript turned off: what an editor without
    /// scripts gets (every admin form must still work).</summary>
    public async Task<Browser> OpenWithoutScriptsAsync(Chromium chromium)
    {
        var context = await chromium.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress, JavaScriptEnabled = false });
        return new Browser(context, await context.NewPageAsync(), BaseAddress);
    }

    /// <summary>Signs in through the real login form.</summary>
    public async Task SignInAsync(string userName, string password, string returnUrl)
    {
        await Page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>axe-core as Deque.AxeCore.Playwright bundles it.</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// axe over the whole document (page-level rules included) for WCAG 2.0/2.1 A and AA, and its best practices (landmarks,
    /// heading order …) at a critical, serious or moderate impact, answering each violation as one line. Run in the page itself rather than through the package's <c>RunAxe</c>, which merges the results of
    /// each frame in a blank page of its own: that tripled the cost of every check (the suite's largest single cost),
    /// and the admin has no frames.
    /// </summary>
    private const string RunAxe = """
        async () => {
            const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                resultTypes: ['violations'],
            });
            const wcag = (v) => v.tags.some(t => t.startsWith('wcag'));
            return result.violations.filter(v => wcag(v) || v.impact !== 'minor').map(v => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.map(n => n.html).join(', ')}`);
        }
        """;

    /// <summary>No WCAG 2.0/2.1 A or AA violation, and no best practice broken at more than a minor impact, that axe can
    /// find on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // Once per document: a navigation gives the page a new one without axe.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript.Value);
        }
        var violations = await page.EvaluateAsync<string[]>(RunAxe);
        Assert.True(violations.Length == 0, $"{page.Url}: " + string.Join("; ", violations));
    }

    /// <summary>
    /// No WCAG 2.0/2.1 A or AA violation that axe can find on the page that <paramref name="withoutScripts"/> (a context
    /// of <see cref="OpenWithoutScriptsAsync"/>) shows now. Axe is a script and does not run where scripts are off, so
    /// that page's document is shown in this scripted context under the same URL, with its stylesheets, without its
    /// own scripts and with what its <c>noscript</c> elements hold (what a browser without scripts renders); axe checks
    /// that.
    /// </summary>
    public async Task AssertAccessibleWithoutScriptsAsync(IPage withoutScripts)
    {
        var url = withoutScripts.Url;
        // The document as that context parsed it (after a refused form, the page the POST answered), not a new GET.
        var html = ScriptElement().Replace(await withoutScripts.ContentAsync(), "");
        html = NoscriptTag().Replace(html, "");
        await Page.RouteAsync(url, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        try
        {
            await Page.GotoAsync(url);
            Assert.Equal(0, await Page.Locator("script").CountAsync());
            await AssertAccessibleAsync(Page);
        }
        finally
        {
            await Page.UnrouteAsync(url);
        }
    }

    [GeneratedRegex("<script\\b[^>]*>.*?</script\\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("</?noscript\\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex NoscriptTag();

    /// <summary>The folder named by <c>TWINNING_SCREENSHOTS</c> (relative to the repository's root, e.g.
    /// <c>docs/admin/screenshots</c>), or null: without it, tests take no screenshots and leave the committed ones alone.</summary>
    public static string? ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("TWINNING_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.Combine(Repository.Root, folder)
        : null;

    /// <summary>For docs/admin.md: when <see cref="ScreenshotFolder"/> is set, writes the page's viewport (1280×800), or
    /// the whole page up to <paramref name="maxHeight"/> pixels, to <c>{folder}/{language}/{name}.png</c>, the language
    /// being the page's own (<c>html lang</c>: en, pl), after scrolling <paramref name="show"/> into view. Otherwise it
    /// does nothing.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, ILocator? show = null, int? maxHeight = null)
    {
        if (ScreenshotFolder is null)
        {
            return;
        }
        if (show is not null)
        {
            await show.EvaluateAsync("element => element.scrollIntoView({ block: 'center' })");
        }
        var language = (await page.EvaluateAsync<string>("document.documentElement.lang")).Split('-')[0];
        var path = Path.Combine(ScreenshotFolder, language, name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide };
        if (maxHeight is { } height)
        {
            var pageHeight = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            options.FullPage = true;
            options.Clip = new Clip { X = 0, Y = 0, Width = page.ViewportSize!.Width, Height = Math.Min(height, pageHeight) };
        }
        await page.ScreenshotAsync(options);
    }

    /// <summary>The answer to a form the page posted (a navigation), not to a script's own request such as the
    /// editor's presence ping, which is a POST too.</summary>
    public static bool IsFormPost(IResponse response)
        => response.Request.Method == "POST" && response.Request.ResourceType == "document";

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
