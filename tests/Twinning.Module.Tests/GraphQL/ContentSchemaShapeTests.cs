using GraphQL.Types;
using Twinning.Module.Features.GraphQL;
using Twinning.Module.Tests.Validation;

namespace Twinning.Module.Tests.GraphQL;

/// <summary>The schema built from the Article recipe's definitions, without a host, in Orchard Core's shape: what a
/// GraphQL client written for an Orchard site finds.</summary>
public sealed class ContentSchemaShapeTests
{
    private static readonly Schema Schema = Build();

    private static Schema Build()
    {
        var schema = ContentSchemaBuilder.Build(ArticleSite.Definitions());
        schema.Initialize();
        return schema;
    }

    private static IComplexGraphType Type(string name) => Assert.IsAssignableFrom<IComplexGraphType>(Schema.AllTypes[name]);

    private static IEnumerable<string> FieldNames(string type) => Type(type).Fields.Select(f => f.Name);

    private static string TypeName(string type, string field)
    {
        var graph = Type(type).Fields.Find(field)!.ResolvedType!;
        while (graph is IProvideResolvedType wrapper)
        {
            graph = wrapper.ResolvedType!;
        }
        return graph.Name;
    }

    [Fact]
    public void EachTypeWithoutAStereotypeHasACamelCaseListAndCountAndAWidgetHasNone()
    {
        var query = FieldNames("Query").ToList();

        Assert.Contains("article", query);
        Assert.Contains("articleCount", query);
        Assert.Contains("topic", query);
        Assert.Contains("contentItem", query);
        Assert.DoesNotContain("linkItem", query);
        Assert.DoesNotContain("Article", query);
    }

    [Fact]
    public void ThePartsAreFieldsNamedWithoutTheirPartSuffixAndTheTypesOwnPartIsCollapsedOntoTheItem()
    {
        var article = FieldNames("Article").ToList();

        Assert.Subset(article.ToHashSet(), new HashSet<string> { "title", "path", "htmlBody", "localization", "links" });
        Assert.DoesNotContain("autoroute", article);
        Assert.Subset(article.ToHashSet(), new HashSet<string>
        {
            "kind", "lead", "visitors", "day", "starts", "opens", "website", "location", "photo", "related", "languages", "featured", "note",
        });
        Assert.DoesNotContain("article", article);
        Assert.DoesNotContain("titlePart", article);
        Assert.Subset(article.ToHashSet(), new HashSet<string> { "contentItemId", "contentType", "displayText", "published", "latest", "owner", "author", "createdUtc", "modifiedUtc", "publishedUtc" });
    }

    [Fact]
    public void FieldsHaveOrchardsTypes()
    {
        Assert.Equal("String", TypeName("Article", "lead"));
        Assert.Equal("Boolean", TypeName("Article", "featured"));
        Assert.Equal("ContentPickerField", TypeName("Article", "related"));
        Assert.Equal(["contentItemIds", "contentItems"], FieldNames("ContentPickerField").Order(StringComparer.Ordinal));
        Assert.Equal("GeoPointField", TypeName("Article", "location"));
        Assert.Equal(["latitude", "longitude"], FieldNames("GeoPointField").Order(StringComparer.Ordinal));
        Assert.Equal("BagPart", TypeName("Article", "links"));
        Assert.Contains("contentItems", FieldNames("BagPart"));
        Assert.Contains("title", FieldNames(TypeName("Article", "title")));
        Assert.Equal("String", TypeName("Article", "path"));
        Assert.Equal("TimeSpan", TypeName("Article", "opens"));
        Assert.Contains("html", FieldNames(TypeName("Article", "htmlBody")));
    }

    [Fact]
    public void EveryTypeIsAContentItemAndTheWidgetKeepsItsFields()
    {
        var contentItem = Assert.IsType<InterfaceGraphType>(Schema.AllTypes["ContentItem"]);

        Assert.Equal(["Article", "LinkItem", "Topic"], contentItem.PossibleTypes.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains("label", FieldNames("LinkItem"));
        Assert.Contains("ContentItem", ((ObjectGraphType)Schema.AllTypes["Article"]!).ResolvedInterfaces.Select(i => i.Name));
    }

    [Fact]
    public void WhereInputsKeepOrchardsLogicalOperatorsAsWritten()
    {
        var where = FieldNames("ArticleWhereInput").ToList();

        Assert.Subset(where.ToHashSet(), new HashSet<string> { "AND", "OR", "NOT", "contentItemId", "displayText", "displayText_contains", "localization" });
    }

    [Fact]
    public void WhereInputsTakeIdsAsOrchardsIdTypeThePathWithItsSuffixesAndTheCultureWithItsSuffixes()
    {
        var where = FieldNames("ArticleWhereInput").ToList();

        Assert.Equal("ID", TypeName("ArticleWhereInput", "contentItemId"));
        Assert.Equal("ID", TypeName("ArticleWhereInput", "contentItemVersionId"));
        Assert.DoesNotContain("contentItemId_contains", where);
        Assert.Subset(where.ToHashSet(), new HashSet<string> { "path", "path_not", "path_starts_with", "path_ends_with", "path_contains", "path_in" });
        Assert.Equal("LocalizationInputObjectType", TypeName("ArticleWhereInput", "localization"));
        Assert.Subset(FieldNames("LocalizationInputObjectType").ToHashSet(), new HashSet<string> { "culture", "culture_not", "culture_starts_with", "culture_in", "localizationSet" });
        Assert.Subset(where.ToHashSet(), new HashSet<string> { "opens", "opens_gt", "opens_in" });
        Assert.DoesNotContain("opens_contains", where);
    }
}
