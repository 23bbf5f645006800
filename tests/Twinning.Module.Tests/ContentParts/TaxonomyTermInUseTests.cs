using System.Globalization;
using System.Resources;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;
using Twinning.Module.Tests.Validation;
using static Twinning.Module.Tests.Validation.ArticleSite;

namespace Twinning.Module.Tests.ContentParts;

/// <summary>The taxonomy's rule on removed terms: one that other items use is refused on the Terms member, naming it
/// and how many items use it; one nobody uses, or used only by the taxonomy itself, goes.</summary>
public sealed class TaxonomyTermInUseTests
{
    private const string TaxonomyId = "4taxonomy000000000000000a";

    private static ContentDefinitionDocument WithTaxonomy()
    {
        var definitions = Definitions();
        definitions.ContentTypeDefinitionRecords.Add(new ContentTypeDefinition
        {
            Name = "Taxonomy",
            ContentTypePartDefinitionRecords = [new() { Name = "TitlePart", PartName = "TitlePart" }, new() { Name = "TaxonomyPart", PartName = "TaxonomyPart" }],
        });
        definitions.ContentTypeDefinitionRecords.Add(new ContentTypeDefinition
        {
            Name = "Area",
            ContentTypePartDefinitionRecords = [new() { Name = "TitlePart", PartName = "TitlePart" }],
        });
        return definitions;
    }

    private static string Term(string id, string title, string children = "")
        => $$"""{ "ContentItemId": "{{id}}", "ContentType": "Area", "DisplayText": "{{title}}", "TitlePart": { "Title": "{{title}}" }{{children}} }""";

    private static ContentItem Taxonomy(params string[] terms) => Item($$"""
        { "ContentItemId": "{{TaxonomyId}}", "ContentType": "Taxonomy", "TitlePart": { "Title": "Obszary" },
          "TaxonomyPart": { "TermContentType": "Area", "Terms": [ {{string.Join(", ", terms)}} ] } }
        """);

    private static readonly string Culture = Term("4culture00000000000000000a", "Kultura");
    private static readonly string Sport = Term("4sport000000000000000000a", "Sport");
    private static readonly string Economy = Term("4economy000000000000000000", "Gospodarka", $$""", "Terms": [ {{Sport}} ]""");

    private static async Task<IReadOnlyList<ContentValidationError>> SaveAsync(InMemoryContentLookup lookup, ContentItem item)
        => await Validator().ValidateAsync(item, WithTaxonomy(), Settings(), lookup);

    [Fact]
    public async Task RemovingATermOtherItemsUseIsRefusedNamingItAndTheirNumber()
    {
        var lookup = new InMemoryContentLookup();
        lookup.Add(Taxonomy(Culture, Economy));
        lookup.References["4forum00000000000000000001"] = ["4culture00000000000000000a"];
        lookup.References["4forum00000000000000000002"] = ["4culture00000000000000000a", "4sport000000000000000000a"];
        // The taxonomy naming its own term does not count.
        lookup.References[TaxonomyId] = ["4economy000000000000000000"];

        var errors = await SaveAsync(lookup, Taxonomy());

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("TaxonomyPart.Terms", e.Field));
        Assert.Equal("The term 'Kultura' cannot be removed: 2 items use it. Choose another term in those items first.", errors[0].Message);
        // A child term goes with its parent, and is refused as one.
        Assert.Equal("The term 'Sport' cannot be removed: 1 item uses it. Choose another term in that item first.", errors[1].Message);
        Assert.Equal("4sport000000000000000000a", errors[1].Problem.Arguments["id"]);
        Assert.Contains("używają go 2 pozycje.", InPolish(errors[0].Problem, 2), StringComparison.Ordinal);
        Assert.Contains("używa go 5 pozycji.", InPolish(errors[0].Problem, 5), StringComparison.Ordinal);
        Assert.Contains("używa go 1 pozycja.", InPolish(errors[0].Problem, 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TermsNobodyUsesAreRemovedAndKeptTermsMayMove()
    {
        var lookup = new InMemoryContentLookup();
        lookup.Add(Taxonomy(Culture, Economy));
        lookup.References["4forum00000000000000000001"] = ["4culture00000000000000000a"];

        Assert.Empty(await SaveAsync(lookup, Taxonomy(Term("4economy000000000000000000", "Gospodarka"), Culture)));
        // A new taxonomy has nothing stored to compare with.
        Assert.Empty(await SaveAsync(new InMemoryContentLookup(), Taxonomy()));
    }

    /// <summary>The message in Polish, counting <paramref name="count"/> items.</summary>
    private static string InPolish(RuleMessage problem, int count)
    {
        var texts = new ResourceManager(typeof(RuleText));
        var polish = CultureInfo.GetCultureInfo("pl-PL");
        return (problem with { Arguments = new Dictionary<string, object?>(problem.Arguments) { ["count"] = count } })
            .Render(key => texts.GetString(key, polish), polish);
    }
}
