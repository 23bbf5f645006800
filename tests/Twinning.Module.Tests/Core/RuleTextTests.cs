using System.Resources;
using System.Text.RegularExpressions;
using Twinning.Core.Rules;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.Core;

/// <summary>Every validation message exists in English (what the APIs answer) and in Polish (what a Polish editor reads)
/// with the same named arguments, and every key the rules use has its texts.</summary>
public sealed partial class RuleTextTests
{
    private static readonly ResourceManager Resources = new(typeof(RuleText));

    /// <summary>The module's feature folders whose code produces validation messages.</summary>
    private static readonly string[] ProducingFeatures = ["ContentFields", "ContentParts", "Validation", "ContentItems", "ContentEditing", "Media"];

    [Fact]
    public void EveryMessageHasAnEnglishAndAPolishText() => Translations.AssertBothLanguagesComplete(Resources);

    [Fact]
    public void BothLanguagesTakeTheSameNamedArguments() => Translations.AssertSameArguments(Resources, RuleMessage.ArgumentNames);

    /// <summary>A key is written where the message is produced (<c>field.Fail("Value", "Numeric.TooSmall", …)</c>) and
    /// defined once, in the resources: a key without texts would reach the API and the admin as the bare key.</summary>
    [Fact]
    public void EveryKeyTheRulesUseHasItsTextsAndEveryTextIsUsed()
    {
        string[] producers =
        [
            Repository.PathOf("Twinning.Core"),
            .. ProducingFeatures.Select(f => Repository.PathOf("Twinning.Module", "Features", f)),
        ];
        var used = producers
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(line => KeyLiteral().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Numeric.TooSmall", used);
        Assert.Contains("OpeningHours.Overlap", used);
        var english = Translations.English(Resources).Keys.Select(key => Plurals.SetOf(key) ?? key).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(used.Except(english).Order());
        Assert.Empty(english.Except(used).Order());
    }

    [Fact]
    public void TheEnglishTextIsWhatTheApiAnswers()
    {
        Assert.Equal("Title is required.", RuleMessage.Of("Field.Required", ("field", "Title")).English);
        Assert.Equal("Seats must be at least 1.5.", RuleMessage.Of("Numeric.TooSmall", ("field", "Seats"), ("min", 1.5m)).English);
    }

    [Fact]
    public void APolishReaderGetsPolishWithPolishNumbersAndMessagesInsideMessages()
    {
        var polish = Translations.PolishTexts(Resources);
        string? Template(string key) => polish.GetValueOrDefault(key);
        var subject = RuleMessage.Of("OpeningHours.Entry", ("number", 2));

        Assert.Equal("Miejsca: wartość musi wynosić co najmniej 1,5.",
            RuleMessage.Of("Numeric.TooSmall", ("field", "Miejsca"), ("min", 1.5m)).Render(Template, Translations.Polish));
        Assert.Equal("Godziny otwarcia, pozycja 2: brak godziny zamknięcia.",
            RuleMessage.Of("OpeningHours.ClosesMissing", ("subject", subject)).Render(Template, Translations.Polish));
    }

    /// <summary>A message counting something names the argument it counts by, and has a plural set of texts.</summary>
    [Fact]
    public void TheCountingMessagesAreThePluralSets()
    {
        var english = Translations.English(Resources);
        Assert.Equal(Translations.PluralSets(english).Order(), RuleText.Counts.Keys.Order());
        Assert.Empty(RuleText.Counts.Where(c => !RuleMessage.ArgumentNames(english[c.Key + ".Other"]).Contains(c.Value)).Select(c => c.Key));
    }

    [Theory]
    [InlineData(1, "Odwiedzający: wartość może mieć najwyżej 1 miejsce po przecinku.", "Visitors may have at most 1 decimal place.")]
    [InlineData(2, "Odwiedzający: wartość może mieć najwyżej 2 miejsca po przecinku.", "Visitors may have at most 2 decimal places.")]
    [InlineData(5, "Odwiedzający: wartość może mieć najwyżej 5 miejsc po przecinku.", "Visitors may have at most 5 decimal places.")]
    [InlineData(22, "Odwiedzający: wartość może mieć najwyżej 22 miejsca po przecinku.", "Visitors may have at most 22 decimal places.")]
    [InlineData(0, "Odwiedzający: wartość może mieć najwyżej 0 miejsc po przecinku.", "Visitors may have at most 0 decimal places.")]
    public void ACountedMessageTakesTheFormOfItsNumber(int scale, string polish, string english)
    {
        var texts = Translations.PolishTexts(Resources);
        Assert.Equal(polish, RuleMessage.Of("Numeric.TooManyDecimals", ("field", "Odwiedzający"), ("scale", scale)).Render(texts.GetValueOrDefault, Translations.Polish));
        Assert.Equal(english, RuleMessage.Of("Numeric.TooManyDecimals", ("field", "Visitors"), ("scale", scale)).English);
    }

    [Fact]
    public void ACountedMessageWithoutItsCountTakesTheOtherForm()
        => Assert.Equal("The note can have at most {max} characters.", RuleMessage.Of("Revision.NoteTooLong").English);

    [Fact]
    public void AKeyWithoutATextShowsAsTheKey()
        => Assert.Equal("No.SuchKey", RuleMessage.Of("No.SuchKey").English);

    /// <summary>A literal shaped like a key (<c>"Area.Name"</c>); member paths of parts (<c>"ContainedPart.Order"</c>)
    /// have the same shape and are left out.</summary>
    [GeneratedRegex("""
        "((?![A-Za-z]+Part\.)[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+)"
        """)]
    private static partial Regex KeyLiteral();
}
