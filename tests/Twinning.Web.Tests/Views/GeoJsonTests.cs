using System.Net;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Views;

/// <summary>The partner-city map layer a front end draws.</summary>
public sealed class GeoJsonTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PartnerCitiesArePointsWithLongitudeFirstAndTheirStatus(string provider)
    {
        var app = site.App(provider);
        var client = app.CreateClient();
        var polotsk = await app.SingleAsync("PartnerCity", "Połock");

        var response = await client.GetAsync("/api/twinning/partner-cities.geojson?culture=pl-PL");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", json["type"]!.GetValue<string>());
        Assert.Equal(0, json["excludedWithoutLocation"]!.GetValue<int>());
        var features = json["features"]!.AsArray();
        Assert.Equal(["Nowopołock", "Połock"], features.Select(f => f!["properties"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var feature = features.Single(f => f!["id"]!.GetValue<string>() == polotsk.ContentItemId)!;
        Assert.Equal("Point", feature["geometry"]!["type"]!.GetValue<string>());
        Assert.Equal([28.7686m, 55.4856m], feature["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<decimal>()));
        var properties = feature["properties"]!;
        Assert.Equal(polotsk.ContentItemId, properties["contentItemId"]!.GetValue<string>());
        Assert.Equal("Полацк", properties["endonym"]!.GetValue<string>());
        Assert.Equal("BY", properties["country"]!.GetValue<string>());
        Assert.Equal("active", properties["status"]!.GetValue<string>());
        Assert.Equal("2008-01-01", properties["partnershipSince"]!.GetValue<string>());
        Assert.Equal("year", properties["partnershipSincePrecision"]!.GetValue<string>());
        Assert.Equal("http://localhost/polock", properties["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACityWithoutALocationIsLeftOutAndCountedAndTheLatestStatusWins()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        app.CreateClient();
        var polotsk = await app.SingleAsync("PartnerCity", "Połock");
        var changed = polotsk.Clone();
        changed.Data["PartnerCity"]!.AsObject().Remove("Location");
        var history = changed.Data["StatusHistory"]!["ContentItems"]!.AsArray();
        var suspension = history[0]!.DeepClone().AsObject();
        suspension["ContentItemId"] = "suspension0000000000000000";
        suspension["PartnershipStatusChange"]!["Date"]!["Value"] = "2022-03-01";
        suspension["PartnershipStatusChange"]!["DatePrecision"]!["Text"] = "month";
        suspension["PartnershipStatusChange"]!["Status"]!["Text"] = "suspended";
        history.Add(suspension);
        Assert.True((await app.SaveAsync(changed)).Succeeded);
        var navapolatsk = await app.SingleAsync("PartnerCity", "Nowopołock");
        var suspendedToo = navapolatsk.Clone();
        suspendedToo.Data["StatusHistory"]!["ContentItems"]!.AsArray().Add(suspension.DeepClone());
        Assert.True((await app.SaveAsync(suspendedToo)).Succeeded);

        var json = JsonNode.Parse(await app.CreateClient().GetStringAsync("/api/twinning/partner-cities.geojson"))!;

        Assert.Equal(1, json["excludedWithoutLocation"]!.GetValue<int>());
        var only = Assert.Single(json["features"]!.AsArray())!;
        Assert.Equal("Nowopołock", only["properties"]!["name"]!.GetValue<string>());
        Assert.Equal("suspended", only["properties"]!["status"]!.GetValue<string>());
    }
}
