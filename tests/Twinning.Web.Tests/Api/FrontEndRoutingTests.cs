using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary>What a front end asks before and while it renders a page: the site's facts, and the item behind a URL.</summary>
public sealed class FrontEndRoutingTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Theory]
    [InlineData("polock", null, "Połock")]
    [InlineData("/polock/", null, "Połock")]
    [InlineData("polock", "pl-PL", "Połock")]
    [InlineData("polock", "en-GB", "Polotsk")]
    [InlineData("polotsk", "pl-PL", "Połock")]
    public async Task AnItemIsFoundByItsPathAndCulture(string path, string? culture, string expected)
    {
        var client = site.App(Providers.Sqlite).CreateClient();
        var url = $"/api/content/by-path?path={Uri.EscapeDataString(path)}" + (culture is null ? "" : $"&culture={culture}");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await response.JsonAsync();
        Assert.Equal(expected, item["DisplayText"]!.GetValue<string>());
        Assert.Equal("PartnerCity", item["ContentType"]!.GetValue<string>());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task AnUnknownPathIsNotFoundAndAMissingOneIsABadRequestNamingIt()
    {
        var client = site.App(Providers.Sqlite).CreateClient();

        var unknown = await client.GetAsync("/api/content/by-path?path=nie-ma-takiej-strony");
        var untranslated = await client.GetAsync("/api/content/by-path?path=polock&culture=de-DE");
        var missing = await client.GetAsync("/api/content/by-path");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, untranslated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.JsonAsync())["errors"]!["path"]);
    }

    [Fact]
    public async Task TheSiteTellsItsNameCulturesTimeZoneAndAddress()
    {
        var client = site.App(Providers.Sqlite).CreateClient();

        var response = await client.GetAsync("/api/site");
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/site");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var facts = await response.JsonAsync();
        Assert.Equal("Twinning – Partner Cities", facts["siteName"]!.GetValue<string>());
        Assert.Equal("pl-PL", facts["defaultCulture"]!.GetValue<string>());
        Assert.Equal(["pl-PL", "en-GB"], facts["supportedCultures"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Europe/Warsaw", facts["timeZone"]!.GetValue<string>());
        Assert.Equal("http://localhost", facts["publicBaseUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }
}
