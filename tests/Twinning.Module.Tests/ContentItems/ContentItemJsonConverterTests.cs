using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;

namespace Twinning.Module.Tests.ContentItems;

public sealed class ContentItemJsonConverterTests
{
    private static readonly string[] EnvelopeKeys =
    [
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author",
    ];

    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    // An item as Orchard Core 3.0 stores it.
    private const string OrchardJson = """{"ContentItemId":"4x2v8bpyk9m3ctqw7h5eg1fdrs","ContentItemVersionId":"4z0a1b2c3d4e5f6g7h8j9k0m1n","ContentType":"Forum","DisplayText":"Forum Połock – Полацк","Latest":true,"Published":true,"ModifiedUtc":"2024-03-01T10:15:30.1234567Z","PublishedUtc":"2024-03-01T10:15:31.7654321Z","CreatedUtc":"2024-02-28T08:00:00Z","Owner":"admin","Author":"editor","TitlePart":{"Title":"Forum Połock – Полацк"},"Forum":{"StartDate":{"Value":"2024-05-01T09:00:00Z"}}}""";

    private static ContentItem Article() => new()
    {
        ContentItemId = "4x2v8bpyk9m3ctqw7h5eg1fdrs",
        ContentItemVersionId = "4z0a1b2c3d4e5f6g7h8j9k0m1n",
        ContentType = "Article",
        DisplayText = "Połock",
        Latest = true,
        ModifiedUtc = new DateTime(2024, 3, 1, 10, 15, 30, DateTimeKind.Utc),
        CreatedUtc = new DateTime(2024, 2, 28, 8, 0, 0, DateTimeKind.Utc),
        Owner = "admin",
        Data = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = "Połock" },
            ["Article"] = new JsonObject(),
        },
    };

    private static JsonObject Written(ContentItem item) => JsonNode.Parse(ContentItemJsonConverter.Serialize(item))!.AsObject();

    [Fact]
    public void EnvelopeKeysAreWrittenInOrchardsOrderBeforeTheParts()
    {
        var keys = Written(Article()).Select(p => p.Key).ToArray();

        Assert.Equal([.. EnvelopeKeys, "TitlePart", "Article"], keys);
    }

    [Fact]
    public void MissingEnvelopeValuesAreWrittenAsNull()
    {
        var json = Written(new ContentItem { ContentType = "Article" });

        Assert.Equal(EnvelopeKeys, json.Select(p => p.Key).ToArray());
        Assert.Null(json["DisplayText"]);
        Assert.Null(json["PublishedUtc"]);
        Assert.False(json["Published"]!.GetValue<bool>());
    }

    [Fact]
    public void OrchardItemJsonRoundTripsUnchanged()
    {
        var item = ContentItemJsonConverter.FromJson(JsonNode.Parse(OrchardJson)!.AsObject());

        Assert.Equal(OrchardJson, ContentItemJsonConverter.Serialize(item));
    }

    [Fact]
    public void ReadingFillsTheEnvelopeAndKeepsThePartsAsData()
    {
        var item = ContentItemJsonConverter.FromJson(JsonNode.Parse(OrchardJson)!.AsObject());

        Assert.Equal("4x2v8bpyk9m3ctqw7h5eg1fdrs", item.ContentItemId);
        Assert.Equal("Forum", item.ContentType);
        Assert.Equal("Forum Połock – Полацк", item.DisplayText);
        Assert.True(item.Latest);
        Assert.True(item.Published);
        Assert.Equal("admin", item.Owner);
        Assert.Equal("editor", item.Author);
        Assert.Equal(new DateTime(2024, 2, 28, 8, 0, 0, DateTimeKind.Utc), item.CreatedUtc);
        Assert.Equal(DateTimeKind.Utc, item.CreatedUtc!.Value.Kind);
        Assert.Equal(["TitlePart", "Forum"], item.Data.Select(p => p.Key).ToArray());
        Assert.Equal("Forum Połock – Полацк", item.Part("TitlePart")!["Title"]!.GetValue<string>());
    }

    [Fact]
    public void EnvelopeKeysAreReadCaseSensitivelySoOtherCasingsArePartsData()
    {
        var item = ContentItemJsonConverter.FromJson(JsonNode.Parse("""{"contentType":"Article","ContentType":"Forum"}""")!.AsObject());

        Assert.Equal("Forum", item.ContentType);
        Assert.Equal("Article", item.Data["contentType"]!.GetValue<string>());
    }

    [Fact]
    public void DatesWithAnOffsetAreReadAsUtc()
    {
        var item = ContentItemJsonConverter.FromJson(JsonNode.Parse("""{"ModifiedUtc":"2024-03-01T12:00:00+02:00"}""")!.AsObject());

        Assert.Equal(new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc), item.ModifiedUtc);
        Assert.Equal(DateTimeKind.Utc, item.ModifiedUtc!.Value.Kind);
        Assert.Equal("2024-03-01T10:00:00Z", Written(item)["ModifiedUtc"]!.GetValue<string>());
    }

    [Fact]
    public void DatesWithoutAnOffsetAreReadAsUtc()
    {
        var item = ContentItemJsonConverter.FromJson(JsonNode.Parse("""{"CreatedUtc":"2024-03-01T12:00:00"}""")!.AsObject());

        Assert.Equal(new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc), item.CreatedUtc);
        Assert.Equal("2024-03-01T12:00:00Z", Written(item)["CreatedUtc"]!.GetValue<string>());
    }

    [Fact]
    public void DatesWithoutAKindAreWrittenAsUtc()
    {
        // What EF Core's SQLite provider hands back for a DateTime column: the kind is Unspecified.
        var item = Article();
        item.CreatedUtc = new DateTime(2024, 2, 28, 8, 0, 0, DateTimeKind.Unspecified);
        item.PublishedUtc = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Unspecified);

        var json = Written(item);

        Assert.Equal("2024-02-28T08:00:00Z", json["CreatedUtc"]!.GetValue<string>());
        Assert.Equal("2024-03-01T09:00:00Z", json["PublishedUtc"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"PublishedUtc":""}""")]
    [InlineData("""{"PublishedUtc":null}""")]
    public void EmptyDatesAreReadAsNoDate(string json)
    {
        var item = ContentItemJsonConverter.FromJson(JsonNode.Parse(json)!.AsObject());

        Assert.Null(item.PublishedUtc);
    }

    [Fact]
    public void AnInvalidDateIsReportedWithItsKey()
    {
        var error = Assert.Throws<JsonException>(() =>
            ContentItemJsonConverter.FromJson(JsonNode.Parse("""{"PublishedUtc":"next Tuesday"}""")!.AsObject()));

        Assert.Contains("PublishedUtc", error.Message, StringComparison.Ordinal);
        Assert.Contains("next Tuesday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolishAndCyrillicLettersAreWrittenUnescaped()
    {
        var item = Article();
        item.DisplayText = "Połock – Полацк";

        var json = ContentItemJsonConverter.Serialize(item);

        Assert.Contains("\"Połock – Полацк\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlSensitiveCharactersAreStillEscaped()
    {
        var item = Article();
        item.DisplayText = "<script>alert(1)</script>";

        var json = ContentItemJsonConverter.Serialize(item);

        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", JsonNode.Parse(json)!["DisplayText"]!.GetValue<string>());
    }

    [Fact]
    public void WritingDoesNotShareThePartsWithTheItem()
    {
        var item = Article();
        var json = ContentItemJsonConverter.ToJson(item);

        json["TitlePart"]!["Title"] = "Changed";

        Assert.Equal("Połock", item.Part("TitlePart")!["Title"]!.GetValue<string>());
    }

    [Fact]
    public void JsonSerializerReadsAndWritesItemsInOrchardsShape()
    {
        var item = JsonSerializer.Deserialize<ContentItem>(OrchardJson)!;

        Assert.Equal("Forum", item.ContentType);
        Assert.Equal("Forum Połock – Полацк", item.Part("TitlePart")!["Title"]!.GetValue<string>());

        // Web defaults (camelCase) as ASP.NET Core uses them must not change Orchard's PascalCase keys.
        var written = JsonNode.Parse(JsonSerializer.Serialize(item, WebOptions))!.AsObject();

        Assert.Equal([.. EnvelopeKeys, "TitlePart", "Forum"], written.Select(p => p.Key).ToArray());
        Assert.Equal("2024-03-01T10:15:30.1234567Z", written["ModifiedUtc"]!.GetValue<string>());
    }

    [Fact]
    public void JsonSerializerRefusesAnItemThatIsNotAnObject()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ContentItem>("[1, 2]"));
    }

    [Fact]
    public void AnItemWrittenToJsonInMemoryReadsBackWithItsDates()
    {
        var item = new ContentItem
        {
            ContentItemId = "forum00000000000000000000a",
            ContentType = "Forum",
            ModifiedUtc = new DateTime(2017, 4, 20, 10, 0, 0, DateTimeKind.Utc),
        };

        var copy = ContentItemJsonConverter.FromJson(ContentItemJsonConverter.ToJson(item));

        Assert.Equal(item.ModifiedUtc, copy.ModifiedUtc);
        Assert.Equal(DateTimeKind.Utc, copy.ModifiedUtc!.Value.Kind);
    }
}
