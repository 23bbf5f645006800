using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Twinning;

/// <summary>The Twinning rules guard every save on the provisioned municipal site, not only in isolation.</summary>
public sealed class TwinningRulesTests
{
    [Fact]
    public async Task AContactPointWithOverlappingHoursIsRejectedAndPhonesAreStoredInE164()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        app.CreateClient();
        var office = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");

        var edit = office.Clone();
        edit.Node("Phones.ContentItems")![0]!["PhoneNumber"]!["Number"]!["Text"] = "697 697 205";
        edit.Node("OpeningHours.ContentItems")!.AsArray().Add(Hours("Monday", "19:00", "21:00"));
        var rejected = await app.SaveAsync(edit);

        var error = Assert.Single(rejected.Errors);
        Assert.Equal("OpeningHours.ContentItems[6].OpeningHoursSpecification.Opens.Value", error.Field);
        Assert.Contains("Monday", error.Message, StringComparison.Ordinal);

        edit.Node("OpeningHours.ContentItems")!.AsArray().RemoveAt(6);
        var saved = await app.SaveAsync(edit);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        Assert.Equal("+48697697205", saved.Item!.Bag("Phones").Single().Text("PhoneNumber.Number.Text"));
    }

    [Fact]
    public async Task APanelOutsideAForumAndAForumEndingBeforeItStartsAreRejected()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        app.CreateClient();
        var panel = (await app.ListAsync("Panel", "pl-PL"))[0].Clone();
        var gallery = await app.SingleAsync("Gallery", "Galeria – konferencja Wielojęzyczny świat");
        panel.Data["ContainedPart"] = new JsonObject { ["ListContentItemId"] = gallery.ContentItemId, ["ListContentType"] = "Forum", ["Order"] = 0 };
        Assert.Contains((await app.SaveAsync(panel)).Errors, e => e.Field == "ContainedPart.ListContentItemId");

        var forum = (await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich")).Clone();
        forum.Node("Forum")!["EndDate"] = new JsonObject { ["Value"] = "2017-04-26T10:00:00Z" };
        var error = Assert.Single((await app.SaveAsync(forum)).Errors);
        Assert.Equal("Forum.EndDate.Value", error.Field);
        Assert.Contains("Europe/Warsaw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusHistoryOutOfDateOrderIsRejected()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        app.CreateClient();
        var city = (await app.SingleAsync("PartnerCity", "Połock")).Clone();
        city.Node("StatusHistory.ContentItems")!.AsArray().Add(new JsonObject
        {
            ["ContentType"] = "PartnershipStatusChange",
            ["PartnershipStatusChange"] = new JsonObject
            {
                ["Date"] = new JsonObject { ["Value"] = "2005-06-01" },
                ["Status"] = new JsonObject { ["Text"] = "suspended" },
            },
        });

        var result = await app.SaveAsync(city);

        Assert.Contains(result.Errors, e => e.Field.StartsWith("StatusHistory.ContentItems[1]", StringComparison.Ordinal));
        Assert.Single((await app.GetAsync(city.ContentItemId, VersionOptions.Latest))!.Bag("StatusHistory"));
    }

    private static JsonObject Hours(string day, string opens, string closes) => new()
    {
        ["ContentType"] = "OpeningHoursSpecification",
        ["OpeningHoursSpecification"] = new JsonObject
        {
            ["DayOfWeek"] = new JsonObject { ["Text"] = day },
            ["Opens"] = new JsonObject { ["Value"] = opens },
            ["Closes"] = new JsonObject { ["Value"] = closes },
        },
    };
}
