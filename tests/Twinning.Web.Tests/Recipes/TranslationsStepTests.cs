using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content.Localization;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Recipes;

/// <summary>The <c>Translations</c> step (Orchard Core's Data Localization shape) stores translations of the
/// definitions' texts; a bad entry rejects the whole recipe, naming the entry, and nothing of it is kept.</summary>
public sealed class TranslationsStepTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    [Fact]
    public async Task TranslationsAreStoredAndALaterStepReplacesOnlyTheTextsItGives()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var first = await app.RunRecipeAsync("""
            { "name": "pl", "steps": [ { "name": "Translations", "translations": [
              { "culture": "pl-PL", "context": "Content Types", "key": "Article", "value": "Artykuł" },
              { "culture": "pl", "context": "Article.Lead", "key": "Lead", "value": "Lid" } ] } ] }
            """);
        var second = await app.RunRecipeAsync("""
            { "name": "pl again", "steps": [ { "name": "Translations", "translations": [
              { "culture": "pl-PL", "context": "content types", "key": "article", "value": "Artykuł prasowy" } ] } ] }
            """);

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(second.Succeeded, second.ToString());
        var translations = await TranslationsAsync(app);
        Assert.Equal("Artykuł prasowy", translations.Get(Polish, DataTranslations.ContentTypesContext, "Article"));
        Assert.Equal("Lid", translations.Get(Polish, "Article.Lead", "Lead"));
        Assert.Equal("Lead", translations.Get(CultureInfo.GetCultureInfo("en"), "Article.Lead", "Lead"));
    }

    [Theory]
    [InlineData("""{ "culture": "xx-Nowhere", "context": "Content Types", "key": "Article", "value": "A" }""", "translations[1].culture", "'xx-Nowhere' is not a culture name")]
    [InlineData("""{ "context": "Content Types", "key": "Article", "value": "A" }""", "translations[1].culture", "is not a culture name")]
    [InlineData("""{ "culture": "pl-PL", "context": "Content Types", "value": "A" }""", "translations[1].key", "needs the text it translates")]
    [InlineData("""{ "culture": "pl-PL", "context": "Content Types", "key": "Article", "value": 5 }""", "translations[1]", "must be text")]
    [InlineData("\"Artykuł\"", "translations[1]", "must be an object")]
    public async Task ABadEntryRejectsTheRecipeNamingItAndNothingIsStored(string entry, string field, string message)
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync($$"""
            { "name": "bad", "steps": [
              { "name": "Translations", "translations": [ { "culture": "pl-PL", "context": "Content Types", "key": "Topic", "value": "Temat" } ] },
              { "name": "Translations", "translations": [ { "culture": "pl-PL", "context": "Content Types", "key": "Article", "value": "Artykuł" }, {{entry}} ] } ] }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("step 1 (Translations)", error.ToString(), StringComparison.Ordinal);
        var translations = await TranslationsAsync(app);
        Assert.Equal("Topic", translations.Get(Polish, DataTranslations.ContentTypesContext, "Topic"));
        Assert.Equal("Article", translations.Get(Polish, DataTranslations.ContentTypesContext, "Article"));
    }

    [Fact]
    public async Task AStepWithoutItsListIsRefused()
    {
        using var app = await Articles.StartAsync(Providers.Postgres);

        var result = await app.RunRecipeAsync("""{ "name": "bad", "steps": [ { "name": "Translations", "Translations": {} } ] }""");

        Assert.Equal("translations", Assert.Single(result.Errors).Field);
    }

    private static Task<DataTranslations> TranslationsAsync(TwinningApplication app)
        => app.InScopeAsync(s => s.GetRequiredService<DataTranslationService>().GetAsync());
}
