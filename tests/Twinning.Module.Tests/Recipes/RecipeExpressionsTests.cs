using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Twinning.Module.Features.Recipes;

namespace Twinning.Module.Tests.Recipes;

public sealed partial class RecipeExpressionsTests
{
    private static readonly System.Text.Json.JsonSerializerOptions RelaxedOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, string> NoParameters = new(StringComparer.Ordinal);

    private static RecipeExpressions Expressions(
        JsonObject? variables = null,
        Dictionary<string, string>? parameters = null,
        Dictionary<string, string?>? configuration = null,
        string? basePath = null)
        => new(
            variables,
            parameters ?? NoParameters,
            new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build(),
            basePath);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [GeneratedRegex("^[0-9abcdefghjkmnpqrstvwxyz]{26}$")]
    private static partial Regex OrchardId();

    [Fact]
    public void UuidMakesAnOrchardStyleId()
    {
        var id = Expressions().Evaluate("[js: uuid()]");

        Assert.Matches(OrchardId(), id);
    }

    [Fact]
    public void EachUuidCallMakesANewId()
    {
        var expressions = Expressions();

        Assert.NotEqual(expressions.Evaluate("[js: uuid()]"), expressions.Evaluate("[js:uuid()]"));
    }

    [Fact]
    public void VariablesAreEvaluatedOnceSoOneUuidNamesOneItem()
    {
        var expressions = Expressions(new JsonObject { ["blogId"] = "[js: uuid()]" });
        var tree = JsonNode.Parse("""
            {
              "steps": [
                { "data": [ { "ContentItemId": "[js: variables('blogId')]" } ] },
                { "data": [ { "ContainedPart": { "ListContentItemId": "[js:variables('blogId')]" } } ] }
              ]
            }
            """);

        expressions.EvaluateTree(tree);

        var created = tree!["steps"]![0]!["data"]![0]!["ContentItemId"]!.GetValue<string>();
        var referenced = tree["steps"]![1]!["data"]![0]!["ContainedPart"]!["ListContentItemId"]!.GetValue<string>();
        Assert.Matches(OrchardId(), created);
        Assert.Equal(created, referenced);
    }

    [Fact]
    public void VariablesMayThemselvesBeExpressions()
    {
        var expressions = Expressions(
            new JsonObject { ["greeting"] = "[js: variables('name')]", ["name"] = "[js: parameters('city')]" },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "Połock" });

        Assert.Equal("Połock", expressions.Evaluate("[js: variables('greeting')]"));
    }

    [Fact]
    public void VariablesAreOnlyEvaluatedWhenUsed()
    {
        var expressions = Expressions(new JsonObject { ["unused"] = "[js: noSuchFunction()]", ["used"] = "value" });

        Assert.Equal("value", expressions.Evaluate("[js: variables('used')]"));
    }

    [Fact]
    public void AVariableThatRefersToItselfIsReported()
    {
        var expressions = Expressions(new JsonObject { ["loop"] = "[js: variables('loop')]" });

        var error = Assert.Throws<RecipeStepException>(() => expressions.Evaluate("[js: variables('loop')]"));

        Assert.Contains("'loop'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VariablesThatReferToEachOtherAreReported()
    {
        var expressions = Expressions(new JsonObject { ["a"] = "[js: variables('b')]", ["b"] = "[js: variables('a')]" });

        Assert.Throws<RecipeStepException>(() => expressions.Evaluate("[js: variables('a')]"));
    }

    [Fact]
    public void AnUndeclaredVariableIsReportedByName()
    {
        var expressions = Expressions(new JsonObject { ["declared"] = "x" });

        var error = Assert.Throws<RecipeStepException>(() => expressions.Evaluate("[js: variables('missing')]"));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndeclaredVariableIsReportedWhenTheRecipeHasNoVariables()
    {
        Assert.Throws<RecipeStepException>(() => Expressions().Evaluate("[js: variables('missing')]"));
    }

    [Fact]
    public void ParametersAreReplacedByTheValuesGivenToTheRecipe()
    {
        var expressions = Expressions(parameters: new Dictionary<string, string>(StringComparer.Ordinal) { ["AdminUsername"] = "admin" });

        Assert.Equal("admin", expressions.Evaluate("[js: parameters('AdminUsername')]"));
        Assert.Equal("", expressions.Evaluate("[js: parameters('SiteName')]"));
    }

    [Fact]
    public void ConfigurationValuesComeFromTheHostConfiguration()
    {
        var expressions = Expressions(configuration: new Dictionary<string, string?> { ["Twinning:Region"] = "Mazowsze" });

        Assert.Equal("Mazowsze", expressions.Evaluate("[js: configuration('Twinning:Region', 'Podlasie')]"));
        Assert.Equal("Mazowsze", expressions.Evaluate("[js: configuration('Twinning:Region')]"));
    }

    [Fact]
    public void MissingConfigurationFallsBackToTheDefault()
    {
        var expressions = Expressions();

        Assert.Equal("Podlasie", expressions.Evaluate("[js: configuration('Twinning:Region', 'Podlasie')]"));
        Assert.Equal("", expressions.Evaluate("[js: configuration('Twinning:Region')]"));
    }

    [Fact]
    public void EscapedQuotesInArgumentsAreUnescaped()
    {
        Assert.Equal("Partners' forum", Expressions().Evaluate(@"[js: configuration('Missing', 'Partners\' forum')]"));
    }

    [Fact]
    public void Base64IsDecodedAsUtf8Text()
    {
        var text = "Połock – Полацк – Vilnius";

        Assert.Equal(text, Expressions().Evaluate($"[js: base64('{Base64(text)}')]"));
    }

    [Fact]
    public void InvalidBase64IsReported()
    {
        var error = Assert.Throws<RecipeStepException>(() => Expressions().Evaluate("[js: base64('not base64!')]"));

        Assert.Contains("not valid Base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodedBase64ThatIsAnExpressionIsEvaluatedInTurn()
    {
        var expressions = Expressions(parameters: new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "Grodno" });

        Assert.Equal("Grodno", expressions.Evaluate($"[js: base64('{Base64("[js: parameters('city')]")}')]"));
    }

    [Theory]
    [InlineData("[js: Date()]")]
    [InlineData("[js: uuid('extra')]")]
    [InlineData("[js: variables()]")]
    [InlineData("[js: 1 + 1]")]
    [InlineData("[js: parameters(\"name\")]")]
    public void UnsupportedScriptsAreReported(string expression)
    {
        Assert.Throws<RecipeStepException>(() => Expressions().Evaluate(expression));
    }

    [Fact]
    public void AnUnknownScopeIsReported()
    {
        var error = Assert.Throws<RecipeStepException>(() => Expressions().Evaluate("[liquid: uuid()]"));

        Assert.Contains("liquid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("[not an expression]")]
    [InlineData("[]")]
    [InlineData("[js]")]
    [InlineData("[2024: a year]")]
    [InlineData("[ js: uuid()]")]
    [InlineData("see [js: uuid()]")]
    [InlineData("[js: uuid()] is the id")]
    [InlineData("[js: uuid()")]
    public void StringsThatAreNotWhollyAnExpressionStayUnchanged(string text)
    {
        Assert.Equal(text, Expressions().Evaluate(text));
    }

    [Fact]
    public void AResultThatIsAnExpressionIsEvaluatedInTurn()
    {
        var expressions = Expressions(parameters: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pointer"] = "[js: parameters('city')]",
            ["city"] = "Grodno",
        });

        Assert.Equal("Grodno", expressions.Evaluate("[js: parameters('pointer')]"));
    }

    [Fact]
    public void AnExpressionThatKeepsProducingExpressionsIsStopped()
    {
        var expressions = Expressions(parameters: new Dictionary<string, string>(StringComparer.Ordinal) { ["again"] = "[js: parameters('again')]" });

        Assert.Throws<RecipeStepException>(() => expressions.Evaluate("[js: parameters('again')]"));
    }

    [Fact]
    public void EvaluateTreeReplacesExpressionsInObjectsAndArraysInPlace()
    {
        var expressions = Expressions(parameters: new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "Połock", ["country"] = "BY" });
        var tree = JsonNode.Parse("""
            {
              "first": "[js: parameters('city')]",
              "number": 5,
              "flag": true,
              "nothing": null,
              "list": [ "[js: parameters('country')]", 7, "kept", { "inner": "[js: parameters('city')]" } ],
              "last": "[not an expression]"
            }
            """);

        var result = expressions.EvaluateTree(tree);

        Assert.Same(tree, result);
        Assert.Equal(
            """{"first":"Połock","number":5,"flag":true,"nothing":null,"list":["BY",7,"kept",{"inner":"Połock"}],"last":"[not an expression]"}""",
            tree!.ToJsonString(RelaxedOptions));
    }

    [Fact]
    public void EvaluateTreeOfASingleExpressionReturnsItsResult()
    {
        var result = Expressions(parameters: new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = "Vilnius" })
            .EvaluateTree(JsonValue.Create("[js: parameters('name')]"));

        Assert.Equal("Vilnius", result!.GetValue<string>());
    }

    [Fact]
    public void EvaluateTreeLeavesNullAlone()
    {
        Assert.Null(Expressions().EvaluateTree(null));
    }
}
