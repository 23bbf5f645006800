using Microsoft.Extensions.Configuration;
using Twinning.Module.Features.Recipes;

namespace Twinning.Module.Tests.Recipes;

public sealed class RecipeFileExpressionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "twinning-recipe-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _recipeFolder;

    public RecipeFileExpressionTests()
    {
        // As a module lays out its recipe: Module/Recipes/x.recipe.json, with Module/wwwroot beside the recipe's folder.
        _recipeFolder = Path.Combine(_root, "Module", "Recipes");
        Directory.CreateDirectory(Path.Combine(_recipeFolder, "content"));
        Directory.CreateDirectory(Path.Combine(_root, "Module", "wwwroot"));
        Directory.CreateDirectory(Path.Combine(_root, "Other"));
        File.WriteAllText(Path.Combine(_recipeFolder, "content", "about.html"), "<p>Połock i Полацк</p>");
        File.WriteAllText(Path.Combine(_root, "Module", "wwwroot", "logo.txt"), "logo");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "secret");
        File.WriteAllText(Path.Combine(_root, "Other", "secret.txt"), "secret");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static RecipeExpressions Expressions(string? basePath)
        => new(null, new Dictionary<string, string>(StringComparer.Ordinal), new ConfigurationBuilder().Build(), basePath);

    [Fact]
    public void FileTextReadsAFileInTheRecipeFolder()
    {
        Assert.Equal("<p>Połock i Полацк</p>", Expressions(_recipeFolder).Evaluate("[file:text('content/about.html')]"));
    }

    [Fact]
    public void FileTextWorksWhenTheBasePathEndsWithASeparator()
    {
        var basePath = _recipeFolder + Path.DirectorySeparatorChar;

        Assert.Equal("<p>Połock i Полацк</p>", Expressions(basePath).Evaluate("[file: text('content/about.html')]"));
    }

    [Fact]
    public void FileTextMayGoUpAndBackDownInsideTheRecipeFolder()
    {
        Assert.Equal("<p>Połock i Полацк</p>", Expressions(_recipeFolder).Evaluate("[file:text('content/../content/about.html')]"));
    }

    [Fact]
    public void FileNamesWithEscapedQuotesAreFound()
    {
        File.WriteAllText(Path.Combine(_recipeFolder, "partners' list.txt"), "list");

        Assert.Equal("list", Expressions(_recipeFolder).Evaluate(@"[file:text('partners\' list.txt')]"));
    }

    [Fact]
    public void FileContentThatIsAnExpressionIsEvaluatedInTurn()
    {
        File.WriteAllText(Path.Combine(_recipeFolder, "pointer.txt"), "[file:text('content/about.html')]");

        Assert.Equal("<p>Połock i Полацк</p>", Expressions(_recipeFolder).Evaluate("[file:text('pointer.txt')]"));
    }

    [Theory]
    [InlineData("../../secret.txt")]
    [InlineData("content/../../../secret.txt")]
    [InlineData("../../Other/secret.txt")]
    public void FilesOutsideTheRecipeFolderAreRefused(string relative)
    {
        var error = Assert.Throws<RecipeStepException>(() => Expressions(_recipeFolder).Evaluate($"[file:text('{relative}')]"));

        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesBesideTheRecipesFolderAreReadAsInAModule()
    {
        Assert.Equal("logo", Expressions(_recipeFolder).Evaluate("[file:text('../wwwroot/logo.txt')]"));
        Assert.Equal(Convert.ToBase64String("logo"u8.ToArray()), Expressions(_recipeFolder).Evaluate("[file:base64('../wwwroot/logo.txt')]"));
    }

    [Fact]
    public void AbsolutePathsAreRefused()
    {
        var absolute = Path.Combine(_root, "secret.txt");

        Assert.Throws<RecipeStepException>(() => RecipeFiles.Resolve(_recipeFolder, absolute));
    }

    [Fact]
    public void AMissingFileIsReported()
    {
        var error = Assert.Throws<RecipeStepException>(() => Expressions(_recipeFolder).Evaluate("[file:text('content/missing.html')]"));

        Assert.Contains("content/missing.html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesCannotBeReadWhenTheRecipeHasNoFolder()
    {
        Assert.Throws<RecipeStepException>(() => Expressions(null).Evaluate("[file:text('content/about.html')]"));
    }

    [Theory]
    [InlineData("[file: json('content/about.html')]")]
    [InlineData("[file: text()]")]
    [InlineData("[file: text('a', 'b')]")]
    public void UnsupportedFileExpressionsAreReported(string expression)
    {
        Assert.Throws<RecipeStepException>(() => Expressions(_recipeFolder).Evaluate(expression));
    }

    [Fact]
    public void ResolveReturnsTheFullPathOfAFileInside()
    {
        Assert.Equal(
            Path.Combine(_recipeFolder, "content", "about.html"),
            RecipeFiles.Resolve(_recipeFolder, "content/about.html"));
    }
}
