using System.Globalization;
using System.Text;
using GraphQLParser;
using Twinning.Module.Features.GraphQL;

namespace Twinning.Module.Tests.GraphQL;

public sealed class GraphQLDocumentLimitsTests
{
    private static readonly GraphQLOptions Defaults = new();

    private static GraphQLLimitExceeded? Check(string query, IReadOnlyDictionary<string, object?>? variables = null, GraphQLOptions? options = null)
        => GraphQLDocumentLimits.Check(Parser.Parse(query), variables, options ?? Defaults);

    private static string Ors(int terms) => string.Join(", ", Enumerable.Range(0, terms).Select(i => $"{{ displayText: \"{i}\" }}"));

    [Fact]
    public void AnOrdinaryQueryIsWithinEveryLimit()
        => Assert.Null(Check($$"""
            query ($c: String) { forum(where: { OR: [{{Ors(50)}}], localization: { culture: $c } }) { ...Names partnerCities { contentItems { ...Names } } } }
            fragment Names on Forum { displayText contentItemId }
            """, new Dictionary<string, object?> { ["c"] = "pl-PL" }));

    [Fact]
    public void TheIntrospectionQueryOfGraphQLToolsIsWithinEveryLimit()
        => Assert.Null(Check("""
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
            }
            """));

    [Fact]
    public void FragmentsAreCountedExpandedWithoutBeingExpanded()
    {
        var query = new StringBuilder("{ forum { ...F30 } } fragment F0 on Forum { displayText }");
        for (var i = 1; i <= 30; i++)
        {
            query.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Forum {{ ...F{i - 1} ...F{i - 1} }}");
        }
        // Nine doublings are 512 fields, within 1000; ten are 1024.
        var nine = "{ forum { ...F9 } } fragment F0 on Forum { displayText } " + string.Join(' ', Enumerable.Range(1, 9).Select(i => $"fragment F{i} on Forum {{ ...F{i - 1} ...F{i - 1} }}"));
        var ten = nine.Replace("...F9 }", "...F10 }", StringComparison.Ordinal) + " fragment F10 on Forum { ...F9 ...F9 }";

        Assert.Equal(nameof(GraphQLOptions.MaxFields), Check(query.ToString())?.Setting);
        Assert.Equal(nameof(GraphQLOptions.MaxFieldRepeats), Check(nine)?.Setting);
        Assert.Null(Check(nine, options: new GraphQLOptions { MaxFieldRepeats = 512 }));
        Assert.Equal(nameof(GraphQLOptions.MaxFields), Check(ten, options: new GraphQLOptions { MaxFieldRepeats = 100_000 })?.Setting);
    }

    [Fact]
    public void SpreadsAliasesAndWrittenFieldsAreCounted()
    {
        var spreads = "{ forum { " + string.Join(' ', Enumerable.Range(0, 101).Select(_ => "...F")) + " } } fragment F on Forum { displayText }";
        var aliases = "{ forum { " + string.Join(' ', Enumerable.Range(0, 101).Select(i => $"a{i}: displayText")) + " } }";
        var fields = "{ " + string.Join(' ', Enumerable.Range(0, 1001).Select(i => $"a{i}: __typename")) + " }";

        Assert.Equal(nameof(GraphQLOptions.MaxFragmentSpreads), Check(spreads)?.Setting);
        Assert.Equal("The query has 101 aliases; at most 100 are allowed (Twinning:GraphQL:MaxAliases).", Check(aliases)?.Message);
        Assert.Equal(nameof(GraphQLOptions.MaxFields), Check(fields)?.Setting);
    }

    [Fact]
    public void DepthCountsSelectionsInsideFragments()
    {
        const string query = "{ forum { ...Deep } } fragment Deep on Forum { partnerCities { contentItems { displayText } } }";

        Assert.Null(Check(query, options: new GraphQLOptions { MaxDepth = 4 }));
        Assert.Equal("The query's depth is 4; the maximum depth is 3 (Twinning:GraphQL:MaxDepth).", Check(query, options: new GraphQLOptions { MaxDepth = 3 })?.Message);
    }

    [Fact]
    public void FragmentsNestingEachOtherDeeperAreMeasuredOnlyPastTheLimit()
    {
        // Each fragment nests the previous one 50 levels deeper: 5,000 levels in all, which a walk following every
        // level would need a deep stack for.
        var nest = string.Concat(Enumerable.Repeat("partnerCities { contentItems { ... on Forum { ", 25));
        var close = string.Concat(Enumerable.Repeat("} } } ", 25));
        var query = new StringBuilder("{ forum { ...F99 } } fragment F0 on Forum { displayText }");
        for (var i = 1; i < 100; i++)
        {
            query.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Forum {{ {nest} ...F{i - 1} {close} }}");
        }

        var exceeded = GraphQLDocumentLimits.Check(Parser.Parse(query.ToString(), new ParserOptions { MaxDepth = 1000 }), null,
            new GraphQLOptions { MaxFields = 1_000_000, MaxFragmentSpreads = 1000 });

        Assert.Equal("The query's depth is more than 20; the maximum depth is 20 (Twinning:GraphQL:MaxDepth).", exceeded?.Message);
    }

    [Fact]
    public void RepeatedNamesAreCountedAcrossFragmentsOfOneSelectionSet()
    {
        const string query = "{ forum { displayText ...A ...A } } fragment A on Forum { displayText ... on Forum { displayText } }";

        Assert.Null(Check(query, options: new GraphQLOptions { MaxFieldRepeats = 5 }));
        Assert.Equal(nameof(GraphQLOptions.MaxFieldRepeats), Check(query, options: new GraphQLOptions { MaxFieldRepeats = 4 })?.Setting);
    }

    [Fact]
    public void ACycleOfFragmentsIsLeftToValidationWithoutLooping()
        => Assert.Null(Check("{ forum { ...A } } fragment A on Forum { ...B } fragment B on Forum { ...A displayText }"));

    [Fact]
    public void WhereTermsAreCountedInLiteralsVariablesDefaultsAndInLists()
    {
        var options = new GraphQLOptions { MaxWhereTerms = 10 };
        var ids = new List<object?>(Enumerable.Range(0, 11).Select(i => (object?)i.ToString(CultureInfo.InvariantCulture)));

        Assert.Null(Check($"{{ forum(where: {{ OR: [{Ors(10)}] }}) {{ displayText }} }}", options: options));
        Assert.Equal(nameof(GraphQLOptions.MaxWhereTerms), Check($"{{ forum(where: {{ OR: [{Ors(11)}] }}) {{ displayText }} }}", options: options)?.Setting);
        Assert.Equal(nameof(GraphQLOptions.MaxWhereTerms), Check("query ($ids: [String]) { forum(where: { contentItemId_in: $ids }) { displayText } }",
            new Dictionary<string, object?> { ["ids"] = ids }, options)?.Setting);
        Assert.Equal(nameof(GraphQLOptions.MaxWhereTerms), Check($"query ($w: ForumWhereInput = {{ AND: [{Ors(11)}] }}) {{ forum(where: $w) {{ displayText }} }}", options: options)?.Setting);
        // Other arguments are not where terms.
        Assert.Null(Check("query ($ids: [String]) { forum(first: 5) { displayText } }", new Dictionary<string, object?> { ["ids"] = ids }, options));
    }

    [Fact]
    public void WhereNestingIsBounded()
    {
        static object? Nested(int levels) => levels == 0
            ? new Dictionary<string, object?> { ["displayText"] = "x" }
            : new Dictionary<string, object?> { ["NOT"] = new List<object?> { Nested(levels - 1) } };
        const string query = "query ($w: ForumWhereInput) { forum(where: $w) { displayText } }";

        Assert.Null(Check(query, new Dictionary<string, object?> { ["w"] = Nested(9) }));
        Assert.Equal(nameof(GraphQLOptions.MaxWhereDepth), Check(query, new Dictionary<string, object?> { ["w"] = Nested(10) })?.Setting);
    }
}
