using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Tests.Validation;

public sealed class JsonInputTests
{
    [Fact]
    public void NulCharactersAndLoneSurrogatesAreFoundByPath()
    {
        var json = JsonNode.Parse("""{ "TitlePart": { "Title": "a\u0000" }, "Bag": { "ContentItems": [ { "Text": "ok" }, { "Text": "x\ud800" } ] }, "K\u0000": 1 }""", documentOptions: JsonInput.Options);

        var problems = JsonInput.FindUnstorableText(json).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();

        Assert.Equal(["Bag.ContentItems[1].Text", "K\0", "TitlePart.Title"], problems.Select(p => p.Path));
        Assert.Contains("lone surrogate", problems[0].Problem.English, StringComparison.Ordinal);
        Assert.Contains("NUL", problems[1].Problem.English, StringComparison.Ordinal);
    }

    [Fact]
    public void TextBuiltInCodeIsCheckedToo()
    {
        var json = new JsonObject { ["Title"] = "\udc00 alone", ["When"] = DateTime.UtcNow, ["Pair"] = "😀" };

        Assert.Equal("Title", Assert.Single(JsonInput.FindUnstorableText(json)).Path);
    }

    [Fact]
    public void OrdinaryTextInEveryScriptPasses()
        => Assert.Empty(JsonInput.FindUnstorableText(JsonNode.Parse("""{ "a": ["Gdańsk", "Полацк", "Vilnius – Вільня", "😀", 5, true, null] }""")));

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void DepthIsLimitedTo64(int depth, bool parses)
    {
        var text = new string('[', depth) + new string(']', depth);

        var exception = Record.Exception(() => JsonNode.Parse(text, documentOptions: JsonInput.Options));

        Assert.Equal(parses, exception is null);
        Assert.True(parses || exception is JsonException);
    }

    [Fact]
    public void AKeyGivenTwiceIsRefused()
        => Assert.Throws<JsonException>(() => JsonNode.Parse("""{ "a": { "b": 1, "b": 2 } }""", documentOptions: JsonInput.Options));
}
