using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Views;

/// <summary>"Open now" for a contact point, as a front end shows it.</summary>
public sealed class OpeningStatusTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    private static async Task<(HttpResponseMessage Response, JsonNode? Json)> StatusAsync(HttpClient client, string contactPointId, string query)
    {
        var response = await client.GetAsync($"/api/twinning/contact-points/{contactPointId}/opening-status{query}");
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BialystokOnMondayAtNoonIsClosedAndOpensAtOne(string provider)
    {
        var app = site.App(provider);
        var client = app.CreateClient();
        var contact = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");

        var response = await client.GetAsync($"/api/twinning/contact-points/{contact.ContentItemId}/opening-status?at=2024-05-06T10:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"open":false,"timeZone":"Europe/Warsaw","localTime":"2024-05-06T12:00:00+02:00","closesAt":null,"nextOpening":{"day":"Monday","opens":"13:00:00","at":"2024-05-06T13:00:00+02:00"}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BialystokOnTuesdayMorningIsOpenUntilThree()
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        var contact = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");

        var (_, json) = await StatusAsync(client, contact.ContentItemId, "?at=2024-05-07T10:00:00%2B02:00");

        Assert.True(json!["open"]!.GetValue<bool>());
        Assert.Equal("2024-05-07T15:00:00+02:00", json["closesAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutAtTheStatusIsForNowFromTheHostsClock()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var clocked = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2024, 5, 11, 13, 0, 0, TimeSpan.Zero)))));
        var client = clocked.CreateClient();
        var contact = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");

        var (_, json) = await StatusAsync(client, contact.ContentItemId, "");

        Assert.Equal("2024-05-11T15:00:00+02:00", json!["localTime"]!.GetValue<string>());
        Assert.False(json["open"]!.GetValue<bool>());
        Assert.Equal("2024-05-13T13:00:00+02:00", json["nextOpening"]!["at"]!.GetValue<string>());
    }

    [Fact]
    public async Task AContactPointWithoutHoursIsClosedWithNoNextOpening()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var client = app.CreateClient();
        var contact = (await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok")).Clone();
        contact.Data.Remove("OpeningHours");
        Assert.True((await app.SaveAsync(contact)).Succeeded);

        var (_, json) = await StatusAsync(client, contact.ContentItemId, "?at=2024-05-07T08:00:00Z");

        Assert.False(json!["open"]!.GetValue<bool>());
        Assert.Null(json["nextOpening"]);
    }

    /// <summary>A local time without offset, and instants in the calendar's last days (which once failed with a server
    /// error).</summary>
    [Theory]
    [InlineData("2024-05-06T12:00:00")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:00:00-14:00")]
    [InlineData("-9998-01-01T00:00:00%2B14:00")]
    public async Task AMalformedAtIsA400ProblemNamingAt(string at)
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        var contact = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");

        var (response, json) = await StatusAsync(client, contact.ContentItemId, "?at=" + at);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("offset", json!["errors"]!["at"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForumIsNotAContactPoint()
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");

        var (response, _) = await StatusAsync(client, forum.ContentItemId, "");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
