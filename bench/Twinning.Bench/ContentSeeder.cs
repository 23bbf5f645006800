using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;

namespace Twinning.Bench;

/// <summary>
/// Grows the provisioned site to a given number of content items through the real write path
/// (<see cref="ContentManager"/>: validation, index rows, references), in units of five: a partner city, a forum
/// that picks it and an earlier city, and the forum's three panels.
/// </summary>
internal static class ContentSeeder
{
    private const int BatchUnits = 200;

    public static async Task SeedAsync(IServiceProvider services, int items)
    {
        var units = Math.Max(0, items / 5);
        var cities = new List<string>(units);
        var started = DateTime.UtcNow;
        for (var done = 0; done < units; done += BatchUnits)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var unit = done; unit < Math.Min(units, done + BatchUnits); unit++)
            {
                var city = await SaveAsync(contents, City(unit));
                cities.Add(city);
                var forum = await SaveAsync(contents, Forum(unit, city, cities[Random.Shared.Next(cities.Count)]));
                for (var order = 0; order < 3; order++)
                {
                    await SaveAsync(contents, Panel(unit, order, forum));
                }
            }
            await transaction.CommitAsync();
            Console.Error.WriteLine($"seeded {Math.Min(units, done + BatchUnits) * 5} of {units * 5} items ({(DateTime.UtcNow - started).TotalSeconds:F0} s)");
        }
    }

    private static async Task<string> SaveAsync(ContentManager contents, JsonObject json)
    {
        var result = await contents.SaveAsync(ContentItemJsonConverter.FromJson(json), publish: true, "bench");
        return result.Succeeded
            ? result.Item!.ContentItemId
            : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    public static JsonObject City(int unit) => new()
    {
        ["ContentType"] = "PartnerCity",
        ["TitlePart"] = new JsonObject { ["Title"] = $"Miasto partnerskie {unit}" },
        ["LocalizationPart"] = new JsonObject { ["Culture"] = "pl-PL" },
        ["PartnerCity"] = new JsonObject
        {
            ["Country"] = new JsonObject { ["Text"] = "LT" },
            ["Location"] = new JsonObject { ["Latitude"] = 54 + (unit % 100) / 100m, ["Longitude"] = 23 + (unit % 70) / 100m },
        },
    };

    private static JsonObject Forum(int unit, string city, string otherCity)
    {
        var start = new DateTime(2015, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(unit % 3000);
        return new JsonObject
        {
            ["ContentType"] = "Forum",
            ["TitlePart"] = new JsonObject { ["Title"] = $"Forum miast partnerskich {unit}" },
            ["LocalizationPart"] = new JsonObject { ["Culture"] = "pl-PL" },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p>Spotkanie samorządów, edycja {unit}.</p>" },
            ["Forum"] = new JsonObject
            {
                ["EventType"] = new JsonObject { ["Text"] = unit % 2 == 0 ? "forum" : "conference" },
                ["StartDate"] = new JsonObject { ["Value"] = start.ToString("o") },
                ["EndDate"] = new JsonObject { ["Value"] = start.AddHours(8).ToString("o") },
                ["Venue"] = new JsonObject { ["Text"] = "Ratusz" },
                ["PartnerCities"] = new JsonObject { ["ContentItemIds"] = otherCity == city ? new JsonArray(city) : new JsonArray(city, otherCity) },
            },
        };
    }

    private static JsonObject Panel(int unit, int order, string forum) => new()
    {
        ["ContentType"] = "Panel",
        ["TitlePart"] = new JsonObject { ["Title"] = $"Panel {order + 1} forum {unit}" },
        ["LocalizationPart"] = new JsonObject { ["Culture"] = "pl-PL" },
        ["ContainedPart"] = new JsonObject { ["ListContentItemId"] = forum, ["ListContentType"] = "Forum", ["Order"] = order },
    };
}
