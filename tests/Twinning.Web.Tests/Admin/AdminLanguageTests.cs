using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The language the admin speaks to a browser that has not used the language switch: the first of the
/// browser's languages it speaks, else English (never a neighbouring language).</summary>
public sealed partial class AdminLanguageTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Theory]
    [InlineData(null, "en", "Sign in")]
    [InlineData("uk", "en", "Sign in")]
    [InlineData("uk-UA,uk;q=0.9,ru;q=0.8,be;q=0.7", "en", "Sign in")]
    [InlineData("pl", "pl-PL", "Logowanie")]
    [InlineData("pl-PL,pl;q=0.9,en-US;q=0.8", "pl-PL", "Logowanie")]
    [InlineData("uk,pl;q=0.5", "pl-PL", "Logowanie")]
    [InlineData("en-GB,pl;q=0.8", "en", "Sign in")]
    public async Task TheSignInPageSpeaksTheBrowsersLanguageIfTheAdminSpeaksItAndEnglishOtherwise(string? acceptLanguage, string lang, string heading)
    {
        var client = site.App(Providers.Sqlite).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal(lang, HtmlLang().Match(html).Groups[1].Value);
        Assert.Contains($">{heading}</h1>", html, StringComparison.Ordinal);
    }

    /// <summary>The language switch (its cookie) wins over the browser's languages.</summary>
    [Fact]
    public async Task TheEditorsOwnChoiceWinsOverTheBrowsersLanguage()
    {
        var client = site.App(Providers.Sqlite).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.TryAddWithoutValidation("Accept-Language", "pl-PL,pl;q=0.9");
        request.Headers.TryAddWithoutValidation("Cookie", ".Twinning.Culture=c%3Den%7Cuic%3Den");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("en", HtmlLang().Match(html).Groups[1].Value);
    }

    /// <summary>Polish letters reach the browser as themselves, not as numeric references ("Has&amp;#x142;o"); what
    /// means something in HTML is still encoded (the address to return to, echoed into the form).</summary>
    [Fact]
    public async Task PolishLettersAreWrittenAsThemselvesAndMarkupIsStillEncoded()
    {
        var client = site.App(Providers.Sqlite).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login?returnUrl=%2Fadmin%2Fcontent%3Fq%3D%3Cb%3E%22%C5%BC%22%26x%3D1");
        request.Headers.TryAddWithoutValidation("Accept-Language", "pl");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains(">Nazwa użytkownika</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Hasło</label>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"/admin/content?q=&lt;b&gt;&quot;ż&quot;&amp;x=1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    /// <summary>A host that chose its own encoder settings keeps them.</summary>
    [Fact]
    public async Task AHostsOwnEncoderSettingsAreKept()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        using var basicLatin = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin))));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.TryAddWithoutValidation("Accept-Language", "pl");

        var html = await (await basicLatin.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains(">Has&#x142;o</label>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<html[^>]*\blang=""([^""]+)""")]
    private static partial Regex HtmlLang();
}

/// <summary>Texts that count something read right in Polish (1 miejsce, 2 miejsca, 5 miejsc, 22 miejsca): a rule's
/// message as the editor shows it next to its field, through the real host.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AdminPluralTests(Chromium chromium)
{
    private const string Measurements = """
    {
      "name": "measurements",
      "steps": [
        { "name": "ContentDefinition",
          "ContentTypes": [
            { "Name": "Measurement", "DisplayName": "Measurement",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "Measurement", "Name": "Measurement", "Settings": {} } ] }
          ],
          "ContentParts": [
            { "Name": "Measurement", "ContentPartFieldDefinitionRecords": [
              { "FieldName": "NumericField", "Name": "Tenths", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Dziesiąte" }, "NumericFieldSettings": { "Scale": 1 } } },
              { "FieldName": "NumericField", "Name": "Hundredths", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Setne" }, "NumericFieldSettings": { "Scale": 2 } } },
              { "FieldName": "NumericField", "Name": "Fine", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Dokładne" }, "NumericFieldSettings": { "Scale": 5 } } },
              { "FieldName": "NumericField", "Name": "Finest", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Najdokładniejsze" }, "NumericFieldSettings": { "Scale": 22 } } }
            ] }
          ] }
      ]
    }
    """;

    [Fact]
    public async Task APolishEditorReadsEachCountInItsPolishForm()
    {
        using var app = EditorPages.NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        Assert.True((await app.RunRecipeAsync(Measurements)).Succeeded);
        var page = browser.Page;
        await browser.SignInAsync("admin", EditorPages.Password, "/admin/content/new/Measurement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        await page.Locator("#f-Measurement-Tenths").FillAsync("0,12");
        await page.Locator("#f-Measurement-Hundredths").FillAsync("0,123");
        await page.Locator("#f-Measurement-Fine").FillAsync("0,123456");
        await page.Locator("#f-Measurement-Finest").FillAsync("0,12345678901234567890123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();

        await Assertions.Expect(page.Locator("#f-Measurement-Tenths-error")).ToContainTextAsync("Dziesiąte: wartość może mieć najwyżej 1 miejsce po przecinku.");
        await Assertions.Expect(page.Locator("#f-Measurement-Hundredths-error")).ToContainTextAsync("Setne: wartość może mieć najwyżej 2 miejsca po przecinku.");
        await Assertions.Expect(page.Locator("#f-Measurement-Fine-error")).ToContainTextAsync("Dokładne: wartość może mieć najwyżej 5 miejsc po przecinku.");
        await Assertions.Expect(page.Locator("#f-Measurement-Finest-error")).ToContainTextAsync("Najdokładniejsze: wartość może mieć najwyżej 22 miejsca po przecinku.");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("najwyżej 1 miejsce po przecinku");
        await Browser.AssertAccessibleAsync(page);

        // The same refusal in English: one decimal place, 22 decimal places.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.Locator("#f-Measurement-Tenths").FillAsync("0.12");
        await page.Locator("#f-Measurement-Finest").FillAsync("0.12345678901234567890123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Measurement-Tenths-error")).ToContainTextAsync("may have at most 1 decimal place.");
        await Assertions.Expect(page.Locator("#f-Measurement-Finest-error")).ToContainTextAsync("may have at most 22 decimal places.");
        await Browser.AssertAccessibleAsync(page);
    }
}
