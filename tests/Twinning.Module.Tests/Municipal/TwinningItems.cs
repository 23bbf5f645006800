using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Rules;

namespace Twinning.Module.Tests.Municipal;

/// <summary>Content items in the shapes the Twinning recipe uses, and a way to run one rule on them.</summary>
internal static class TwinningItems
{
    public const string ForumId = "4forum0000000000000000000a";
    public const string PageId = "4page00000000000000000000a";

    private static int _nextId;

    public static ContentItem ContactPoint(JsonObject[]? openingHours = null, JsonObject[]? phones = null)
    {
        var item = Item("ContactPoint");
        item.Data["OpeningHours"] = Bag(openingHours ?? []);
        item.Data["Phones"] = Bag(phones ?? []);
        return item;
    }

    /// <summary>The Białystok town hall's hours: Mon 13:00–20:00, Tue–Fri 08:00–15:00, Sat 09:00–14:00.</summary>
    public static JsonObject[] BialystokHours() =>
    [
        Hours("Monday", "13:00:00", "20:00:00"),
        Hours("Tuesday", "08:00:00", "15:00:00"),
        Hours("Wednesday", "08:00:00", "15:00:00"),
        Hours("Thursday", "08:00:00", "15:00:00"),
        Hours("Friday", "08:00:00", "15:00:00"),
        Hours("Saturday", "09:00:00", "14:00:00"),
    ];

    public static JsonObject Hours(string? day, string? opens, string? closes) => Entry("OpeningHoursSpecification", new JsonObject
    {
        ["DayOfWeek"] = new JsonObject { ["Text"] = day },
        ["Opens"] = new JsonObject { ["Value"] = opens },
        ["Closes"] = new JsonObject { ["Value"] = closes },
    });

    public static JsonObject Phone(string? number, string kind = "mobile") => Entry("PhoneNumber", new JsonObject
    {
        ["Number"] = new JsonObject { ["Text"] = number },
        ["Label"] = new JsonObject { ["Text"] = "Twinning office" },
        ["Kind"] = new JsonObject { ["Text"] = kind },
    });

    public static ContentItem Panel(JsonObject? containedPart)
    {
        var item = Item("Panel");
        item.Data["Panel"] = new JsonObject();
        if (containedPart is not null)
        {
            item.Data["ContainedPart"] = containedPart;
        }
        return item;
    }

    public static JsonObject ContainedIn(string? listContentItemId, string? listContentType = "Forum") => new()
    {
        ["ListContentItemId"] = listContentItemId,
        ["ListContentType"] = listContentType,
        ["Order"] = 0,
    };

    public static ContentItem Forum(string? startUtc, string? endUtc)
    {
        var item = Item("Forum");
        item.Data["Forum"] = new JsonObject
        {
            ["StartDate"] = new JsonObject { ["Value"] = startUtc },
            ["EndDate"] = new JsonObject { ["Value"] = endUtc },
        };
        return item;
    }

    public static ContentItem PartnerCity(params JsonObject[] statusHistory)
    {
        var item = Item("PartnerCity");
        item.Data["StatusHistory"] = Bag(statusHistory);
        return item;
    }

    public static JsonObject StatusChange(string? date, string? status, string precision = "day") => Entry("PartnershipStatusChange", new JsonObject
    {
        ["Date"] = new JsonObject { ["Value"] = date },
        ["DatePrecision"] = new JsonObject { ["Text"] = precision },
        ["Status"] = new JsonObject { ["Text"] = status },
    });

    /// <summary>Runs <paramref name="rule"/> on <paramref name="item"/> in Europe/Warsaw, where the only other
    /// items are a forum (<see cref="ForumId"/>) and a page (<see cref="PageId"/>).</summary>
    public static async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(IContentItemRule rule, ContentItem item, string timeZoneId = "Europe/Warsaw")
    {
        Assert.True(rule.AppliesTo(item.ContentType), $"{rule.GetType().Name} should apply to {item.ContentType}.");
        var context = new ContentValidationContext(item, timeZoneId, id => Task.FromResult<string?>(id switch
        {
            ForumId => "Forum",
            PageId => "Page",
            _ => null,
        }));
        await rule.ValidateAsync(context);
        return context.Errors;
    }

    /// <summary>The string at a dotted JSON path such as <c>Phones.ContentItems[0].PhoneNumber.Number.Text</c>.</summary>
    public static string? At(ContentItem item, string path)
    {
        JsonNode? node = item.Data;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                node = node?[segment];
                continue;
            }
            var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            node = node?[segment[..bracket]]?[index];
        }
        return node?.GetValue<string>();
    }

    private static ContentItem Item(string type) => new()
    {
        ContentItemId = $"4{type.ToLowerInvariant()}item",
        ContentItemVersionId = $"4{type.ToLowerInvariant()}version",
        ContentType = type,
        DisplayText = type,
        Latest = true,
    };

    private static JsonObject Bag(JsonObject[] entries) => new() { ["ContentItems"] = new JsonArray([.. entries]) };

    private static JsonObject Entry(string type, JsonObject part) => new()
    {
        ["ContentItemId"] = $"4entry{Interlocked.Increment(ref _nextId)}",
        ["ContentType"] = type,
        [type] = part,
    };
}
