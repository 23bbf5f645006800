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
    }

    [Fact]
    public void AParameterTheRunDoesNotHaveIsReportedNotLeftEmpty()
    {
        var expressions = Expressions(parameters: new Dictionary<string, string>(StringComparer.Ordinal) { ["AdminUsername"] = "admin" });

        var error = Assert.Throws<RecipeStepException>(() => expressions.Evaluate("[js: parameters('AdminUserId')]"));

        Assert.Contains("'AdminUserId'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AdminUsername", error.Message, StringComparison.Ordinal);
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
    [InlineData("[js: variables()]", "variables() needs a text argument")]
    [InlineData("[js: 1 +]", "Unexpected end of input")]
    [InlineData("[js: noSuchFunction()]", "noSuchFunction is not defined")]
    [InlineData("[js: base64()]", "base64() needs a text argument")]
    [InlineData("[js: null.x]", "Cannot read properties of null")]
    public void ScriptErrorsAreReportedWithTheEngineMessage(string expression, string message)
    {
        var error = Assert.Throws<RecipeStepException>(() => Expressions().Evaluate(expression));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[js: 1 + 1]", "2")]
    [InlineData("[js: 'Forum ' + 2026]", "Forum 2026")]
    [InlineData("[js: parameters(\"city\") + '/' + variables('region')]", "Grodno/Podlasie")]
    [InlineData("[js: const names = ['styczeń', 'luty']; var d = new Date(2026, 1, 3); return names[d.getMonth()] + ' ' + d.getFullYear();]", "luty 2026")]
    [InlineData("[js: (function (a) { return a.toUpperCase(); })('połock')]", "POŁOCK")]
    [InlineData("[js: html('Partners&#39; &amp; friends')]", "Partners' & friends")]
    [InlineData("[js: getUrlPrefix('/forums/2026/')]", "/forums/2026")]
    [InlineData("[js: getUrlPrefix()]", "/")]
    [InlineData("[js: null]", "")]
    [InlineData("[js: true]", "true")]
    public void ScriptsAreJavaScriptWithOrchardsFunctions(string expression, string expected)
    {
        var expressions = Expressions(
            new JsonObject { ["region"] = "Podlasie" },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "Grodno" });

        Assert.Equal(expected, expressions.Evaluate(expression));
    }

    [Fact]
    public void DatesComeOutAsJavaScriptWritesThem()
    {
        var now = Expressions().Evaluate("[js: new Date().toISOString()]");

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", now);
    }

    [Fact]
    public void GzipTurnsCompressedBase64IntoPlainBase64()
    {
        var bytes = Encoding.UTF8.GetBytes("Połock, Полацк");
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        Assert.Equal(Convert.ToBase64String(bytes), Expressions().Evaluate($"[js: gzip('{Convert.ToBase64String(buffer.ToArray())}')]"));
    }

    [Theory]
    [InlineData("[js: while (true) {}]")]
    [InlineData("[js: var a = []; while (true) { a.push('x'.repeat(100000)); }]")]
    [InlineData("[js: function f(n) { return f(n + 1); } f(0)]")]
    [InlineData("[js: /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')]")]
    public void RunawayScriptsAreStopped(string expression)
    {
        var error = Assert.Throws<RecipeStepException>(() => Expressions().Evaluate(expression));

        Assert.Matches("ran more than|ran longer than|used more than|recursed more than", error.Message);
    }

    [Theory]
    [InlineData("[js: typeof System]")]
    [InlineData("[js: typeof importNamespace]")]
    [InlineData("[js: typeof require]")]
    public void ScriptsCannotReachDotNetOrModules(string expression)
    {
        Assert.Equal("undefined", Expressions().Evaluate(expression));
    }

    [Theory]
    [InlineData("[js: eval('1 + 1')]")]
    [InlineData("[js: new Function('return 1')()]")]
    public void ScriptsCannotCompileStrings(string expression)
    {
        Assert.Throws<RecipeStepException>(() => Expressions().Evaluate(expression));
    }

    [Fact]
    public void AFunctionOfAFeatureTwinningDoesNotHaveIsNamedWhenCalled()
    {
        var error = Assert.ThrowsAny<RecipeStepException>(() => Expressions().Evaluate("[js: createWorkflowToken('a', 'b', 1)]"));

        Assert.Contains("OrchardCore.Workflows.Http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InAStepEveryFailingExpressionIsReportedWithItsItemAndMember()
    {
        var step = JsonNode.Parse("""
            { "name": "content", "data": [
              { "ContentItemId": "first00000000000000000000a", "TitlePart": { "Title": "[js: nope()]" } },
              { "ContentItemId": "[js: variables('secondId')]", "Owner": "[js: parameters('AdminUserId')]",
                "FormPart": { "Action": "[js: getUrlPrefix('/workflows/invoke/' + encodeURI(createWorkflowToken('w', 'a', 1)))]" } }
            ] }
            """)!.AsObject();
        var context = new RecipeStepContext(step, 4, "content", null, null!, null);

        Expressions(new JsonObject { ["secondId"] = "second0000000000000000000b" }).EvaluateStep(context);

        Assert.Collection(context.Errors,
            e => Assert.Equal((4, "first00000000000000000000a", "data[0].TitlePart.Title", true),
                (e.StepIndex!.Value, e.ContentItemId, e.Field, e.Message.Contains("'[js: nope()]'", StringComparison.Ordinal))),
            e => Assert.Equal(("second0000000000000000000b", "data[1].Owner", true),
                (e.ContentItemId, e.Field, e.Message.Contains("AdminUserId", StringComparison.Ordinal))));
        var passedOver = Assert.Single(context.PassedOver);
        Assert.Equal(("second0000000000000000000b", "data[1].FormPart.Action"), (passedOver.ContentItemId, passedOver.Field));
        Assert.Contains("OrchardCore.Workflows.Http", passedOver.Message, StringComparison.Ordinal);
        Assert.Null(step["data"]![1]!["FormPart"]!["Action"]);
        Assert.Equal("second0000000000000000000b", step["data"]![1]!["ContentItemId"]!.GetValue<string>());
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
