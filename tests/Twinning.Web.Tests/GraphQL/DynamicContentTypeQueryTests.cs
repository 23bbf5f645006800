using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>
/// What Orchard Core's own <c>DynamicContentTypeQueryTests</c> check, on a catalogue of our own: filters on the fields of
/// a named part (<c>price: { amount_gt }</c>), a part collapsed by its <c>GraphQLContentTypePartSettings</c>
/// (<c>sku</c>), a collapsed part with <c>PreventFieldNameCollision</c> (<c>metadataCode</c>), AND/OR over both, the
/// order by creation, and fields of the same name on different types kept apart.
/// </summary>
public sealed class DynamicContentTypeQueryTests(ProductCatalog catalog) : IClassFixture<ProductCatalog>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFieldOfANamedPartIsFilteredUnderThePartsName(string provider)
    {
        var app = await catalog.AppAsync(provider);

        var data = await app.DataAsync("{ product(where: { price: { amount_gt: 10 } }) { displayText price { amount } sku metadataCode metadataAvailabilityDate } }");

        var product = Assert.Single(data["product"]!.AsArray())!;
        Assert.Equal("Garden chair", product["displayText"]!.GetValue<string>());
        Assert.Equal(35m, product["price"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("5200-44", product["sku"]!.GetValue<string>());
        Assert.Equal("200000222", product["metadataCode"]!.GetValue<string>());
        Assert.Equal("2024-06-02", product["metadataAvailabilityDate"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACollapsedPartsFieldIsFilteredOnTheItem(string provider)
    {
        var data = await (await catalog.AppAsync(provider)).DataAsync("""{ product(where: { sku_starts_with: "5200" }) { displayText } }""");

        Assert.Equal(["Garden chair"], data["product"].Strings("displayText"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACollapsedPartThatPreventsCollisionsPrefixesItsFieldsWithThePartsName(string provider)
    {
        var app = await catalog.AppAsync(provider);

        var data = await app.DataAsync("""{ product(where: { metadataCode: "200000111" }) { displayText } }""");
        var unprefixed = await app.GraphQLAsync("""{ product(where: { code: "200000111" }) { code } }""");

        Assert.Equal(["Desk lamp"], data["product"].Strings("displayText"));
        Assert.Contains(unprefixed["errors"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("code", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AndOrCombineFieldsOfNamedAndCollapsedParts(string provider)
    {
        var data = await (await catalog.AppAsync(provider)).DataAsync("""
            {
              product(
                where: { AND: { OR: { price: { amount: 10 }, sku_ends_with: "44" }, metadataAvailabilityDate_gt: "2024-05-01" } },
                orderBy: { createdUtc: ASC }) { displayText }
            }
            """);

        Assert.Equal(["Garden chair"], data["product"].Strings("displayText"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ItemsComeInCreationOrderAsAskedAndNewestFirstWhenNoOrderIsGiven(string provider)
    {
        var app = await catalog.AppAsync(provider);

        var ascending = await app.DataAsync("{ product(orderBy: { createdUtc: ASC }) { displayText createdUtc } }");
        var descending = await app.DataAsync("{ product(orderBy: { createdUtc: DESC }) { displayText createdUtc } }");
        var unordered = await app.DataAsync("{ product { displayText } }");

        Assert.Equal(new DateTime(2024, 3, 11, 8, 0, 0, DateTimeKind.Utc), ascending["product"]![0]!["createdUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(new DateTime(2024, 6, 2, 8, 0, 0, DateTimeKind.Utc), descending["product"]![0]!["createdUtc"]!.GetValue<DateTime>().ToUniversalTime());
        // Saved first, created last: the default order follows the creation date, not storage order.
        Assert.Equal(["Garden chair", "Desk lamp"], unordered["product"].Strings("displayText"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FieldsOfTheSameNameOnDifferentTypesKeepTheirOwnTypes(string provider)
    {
        var app = await catalog.AppAsync(provider);

        var numbers = await app.DataAsync("{ numberType(where: { value: 7 }) { value } }");
        var texts = await app.DataAsync("""{ stringType(where: { value: "Seven" }) { value } }""");

        Assert.Equal(7m, Assert.Single(numbers["numberType"]!.AsArray())!["value"]!.GetValue<decimal>());
        Assert.Equal("Seven", Assert.Single(texts["stringType"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TwoFieldsOfOneTypeAreNotMixedUp(string provider)
    {
        var app = await catalog.AppAsync(provider);

        var secondValueAsFirst = await app.DataAsync("{ twoNumbersType(where: { field1: 4 }) { field1 field2 } }");
        var first = await app.DataAsync("{ twoNumbersType(where: { field1: 3 }) { field1 field2 } }");

        Assert.Empty(secondValueAsFirst["twoNumbersType"]!.AsArray());
        Assert.Equal(4m, Assert.Single(first["twoNumbersType"]!.AsArray())!["field2"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task TheSchemaShowsEachPartAsItsSettingsSay()
    {
        var data = await (await catalog.AppAsync(Providers.Sqlite)).DataAsync("""
            { product: __type(name: "Product") { fields { name } } where: __type(name: "ProductWhereInput") { inputFields { name type { name } } } }
            """);

        var fields = data["product"]!["fields"].Strings("name");
        Assert.Subset(fields.ToHashSet(), new HashSet<string> { "price", "sku", "metadataCode", "metadataAvailabilityDate" });
        Assert.DoesNotContain("code", fields);
        Assert.DoesNotContain("metadata", fields);
        Assert.DoesNotContain("hiddenNote", fields);
        var where = data["where"]!["inputFields"]!.AsArray();
        Assert.Equal("PricePartWhereInput", where.Single(f => f!["name"]!.GetValue<string>() == "price")!["type"]!["name"]!.GetValue<string>());
        Assert.Contains(where, f => f!["name"]!.GetValue<string>() == "metadataAvailabilityDate_gt");
        Assert.DoesNotContain(where, f => f!["name"]!.GetValue<string>().StartsWith("hidden", StringComparison.Ordinal));
    }
}

/// <summary>The catalogue of <see cref="DynamicContentTypeQueryTests"/>, one site per provider: a Product with a price
/// part shown under its name, a SKU part collapsed, a metadata part collapsed with its field names prefixed and a hidden
/// part; types with fields of the same name; a type with two numbers.</summary>
public sealed class ProductCatalog : IAsyncLifetime
{
    private readonly Dictionary<string, TwinningApplication> _apps = [];

    /// <summary>The site on <paramref name="provider"/>, provisioned on first use.</summary>
    public async Task<TwinningApplication> AppAsync(string provider)
    {
        if (!_apps.TryGetValue(provider, out var app))
        {
            app = new TwinningApplication(provider, runRecipe: false);
            app.CreateClient();
            var result = await app.RunRecipeAsync(Recipe);
            Assert.True(result.Succeeded, result.ToString());
            _apps[provider] = app;
        }
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }

    private static JsonObject Part(string name, JsonObject? graphQL = null) => new()
    {
        ["PartName"] = name,
        ["Name"] = name,
        ["Settings"] = graphQL is null ? new JsonObject() : new JsonObject { ["GraphQLContentTypePartSettings"] = graphQL },
    };

    private static JsonObject Type(string name, params JsonObject[] parts) => new()
    {
        ["Name"] = name,
        ["DisplayName"] = name,
        ["Settings"] = new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Listable"] = true } },
        ["ContentTypePartDefinitionRecords"] = new JsonArray(parts),
    };

    private static JsonObject Fields(string part, params (string Type, string Name)[] fields) => new()
    {
        ["Name"] = part,
        ["ContentPartFieldDefinitionRecords"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["FieldName"] = f.Type, ["Name"] = f.Name }).ToArray()),
    };

    private static JsonObject Product(string name, string created, decimal price, string sku, string code, string available) => new()
    {
        ["ContentItemId"] = "[js:uuid()]",
        ["ContentType"] = "Product",
        ["DisplayText"] = name,
        ["Latest"] = true,
        ["Published"] = true,
        ["CreatedUtc"] = created,
        ["PricePart"] = new JsonObject { ["Amount"] = new JsonObject { ["Value"] = price } },
        ["SkuPart"] = new JsonObject { ["Sku"] = new JsonObject { ["Text"] = sku } },
        ["MetadataPart"] = new JsonObject { ["Code"] = new JsonObject { ["Text"] = code }, ["AvailabilityDate"] = new JsonObject { ["Value"] = available } },
        ["HiddenPart"] = new JsonObject { ["Note"] = new JsonObject { ["Text"] = "internal" } },
    };

    private static JsonObject Single(string type, JsonObject part) => new()
    {
        ["ContentItemId"] = "[js:uuid()]",
        ["ContentType"] = type,
        ["Latest"] = true,
        ["Published"] = true,
        [type] = part,
    };

    private static string Recipe => new JsonObject
    {
        ["name"] = "product-catalog",
        ["steps"] = new JsonArray(
            new JsonObject
            {
                ["name"] = "ContentDefinition",
                ["ContentTypes"] = new JsonArray(
                    Type("Product",
                        Part("PricePart"),
                        Part("SkuPart", new JsonObject { ["Collapse"] = true, ["Hidden"] = false, ["PreventFieldNameCollision"] = false }),
                        Part("MetadataPart", new JsonObject { ["Collapse"] = true, ["Hidden"] = false, ["PreventFieldNameCollision"] = true }),
                        Part("HiddenPart", new JsonObject { ["Collapse"] = true, ["Hidden"] = true, ["PreventFieldNameCollision"] = true })),
                    Type("NumberType", Part("NumberType")),
                    Type("StringType", Part("StringType")),
                    Type("TwoNumbersType", Part("TwoNumbersType"))),
                ["ContentParts"] = new JsonArray(
                    Fields("PricePart", ("NumericField", "Amount")),
                    Fields("SkuPart", ("TextField", "Sku")),
                    Fields("MetadataPart", ("TextField", "Code"), ("DateField", "AvailabilityDate")),
                    Fields("HiddenPart", ("TextField", "Note")),
                    Fields("NumberType", ("NumericField", "Value")),
                    Fields("StringType", ("TextField", "Value")),
                    Fields("TwoNumbersType", ("NumericField", "Field1"), ("NumericField", "Field2"))),
            },
            new JsonObject
            {
                ["name"] = "content",
                // The newer product is saved first, so that storage order and creation order differ.
                ["data"] = new JsonArray(
                    Product("Garden chair", "2024-06-02T08:00:00Z", 35m, "5200-44", "200000222", "2024-06-02"),
                    Product("Desk lamp", "2024-03-11T08:00:00Z", 10m, "3100-07", "200000111", "2024-03-11"),
                    Single("NumberType", new JsonObject { ["Value"] = new JsonObject { ["Value"] = 7 } }),
                    Single("StringType", new JsonObject { ["Value"] = new JsonObject { ["Text"] = "Seven" } }),
                    Single("TwoNumbersType", new JsonObject { ["Field1"] = new JsonObject { ["Value"] = 3 }, ["Field2"] = new JsonObject { ["Value"] = 4 } })),
            },
            new JsonObject
            {
                ["name"] = "Roles",
                ["Roles"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "Anonymous",
                    ["Permissions"] = new JsonArray("ViewContent", "ExecuteGraphQL"),
                }),
            }),
    }.ToJsonString();
}
