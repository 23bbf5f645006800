using System.Resources;
using Twinning.Core.Municipal.ContactPoints;
using Twinning.Core.Rules;
using Twinning.Module.Tests.Infrastructure;

using static Twinning.Module.Tests.Municipal.TwinningItems;

namespace Twinning.Module.Tests.Municipal;

public sealed class OpeningHoursRuleTests
{
    private readonly OpeningHoursRule _rule = new();

    [Fact]
    public async Task BialystokOpeningHoursAreAccepted()
    {
        var errors = await ValidateAsync(_rule, ContactPoint(BialystokHours()));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task OpensAfterClosesIsRejectedAndPastMidnightRangesAreExplained()
    {
        var item = ContactPoint([Hours("Monday", "08:00", "12:00"), Hours("Monday", "15:00", "13:00")]);

        var error = Assert.Single(await ValidateAsync(_rule, item));

        Assert.Equal("OpeningHours.ContentItems[1].OpeningHoursSpecification.Closes.Value", error.Field);
        Assert.StartsWith("Opening hours on Monday: 'closes' (13:00) must be after 'opens' (15:00).", error.Message, StringComparison.Ordinal);
        Assert.Contains("past midnight are not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensEqualToClosesIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, ContactPoint([Hours("Friday", "10:00:00", "10:00:00")])));

        Assert.Equal("OpeningHours.ContentItems[0].OpeningHoursSpecification.Closes.Value", error.Field);
        Assert.Equal("Opening hours on Friday: 'closes' (10:00) must be after 'opens' (10:00).", error.Message);
    }

    [Fact]
    public async Task MissingClosesIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, ContactPoint([Hours("Tuesday", "08:00", null)])));

        Assert.Equal("OpeningHours.ContentItems[0].OpeningHoursSpecification.Closes.Value", error.Field);
        Assert.Equal("Opening hours on Tuesday: 'closes' is missing.", error.Message);
    }

    [Fact]
    public async Task UnparseableTimeIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, ContactPoint([Hours("Tuesday", "8 am", "15:00")])));

        Assert.Equal("OpeningHours.ContentItems[0].OpeningHoursSpecification.Opens.Value", error.Field);
        Assert.Contains("'8 am' is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDayIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, ContactPoint([Hours("Mondy", "08:00", "15:00")])));

        Assert.Equal("OpeningHours.ContentItems[0].OpeningHoursSpecification.DayOfWeek.Text", error.Field);
        Assert.Contains("'Mondy' is not a day of the week", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDayIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, ContactPoint([Hours(null, "08:00", "15:00")])));

        Assert.Equal("OpeningHours.ContentItems[0].OpeningHoursSpecification.DayOfWeek.Text", error.Field);
        Assert.Equal("Opening hours entry 1: the day of the week is missing.", error.Message);
    }

    [Fact]
    public async Task SchemaOrgDayUrlsAreAcceptedAndStoredAsTheDayName()
    {
        var item = ContactPoint([Hours("https://schema.org/Monday", "08:00", "15:00"), Hours("http://schema.org/Sunday", "10:00", "12:00")]);

        Assert.Empty(await ValidateAsync(_rule, item));

        Assert.Equal("Monday", At(item, "OpeningHours.ContentItems[0].OpeningHoursSpecification.DayOfWeek.Text"));
        Assert.Equal("Sunday", At(item, "OpeningHours.ContentItems[1].OpeningHoursSpecification.DayOfWeek.Text"));
    }

    [Fact]
    public async Task OverlappingHoursOnTheSameDayAreRejected()
    {
        var item = ContactPoint([Hours("Monday", "08:00", "13:00"), Hours("Tuesday", "12:00", "16:00"), Hours("Monday", "12:00", "16:00")]);

        var error = Assert.Single(await ValidateAsync(_rule, item));

        Assert.Equal("OpeningHours.ContentItems[2].OpeningHoursSpecification.Opens.Value", error.Field);
        Assert.Equal(
            "Opening hours on Monday: 12:00–16:00 overlaps 08:00–13:00 in entry 1; ranges on the same day must not overlap.",
            error.Message);
    }

    [Fact]
    public async Task APolishEditorReadsTheDayInPolish()
    {
        var item = ContactPoint([Hours("Wednesday", "15:00", "20:00"), Hours("Wednesday", "16:00", "20:00")]);
        var polish = Translations.PolishTexts(new ResourceManager(typeof(RuleText)));

        var error = Assert.Single(await ValidateAsync(_rule, item));

        Assert.StartsWith("Godziny otwarcia (środa): ", error.Problem.Render(polish.GetValueOrDefault, Translations.Polish), StringComparison.Ordinal);
        Assert.StartsWith("Opening hours on Wednesday: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TouchingRangesOnTheSameDayAreAccepted()
    {
        var item = ContactPoint([Hours("Monday", "12:00", "16:00"), Hours("Monday", "08:00", "12:00")]);

        Assert.Empty(await ValidateAsync(_rule, item));
    }

    [Fact]
    public void OnlyContactPointsAreChecked()
    {
        Assert.True(_rule.AppliesTo("ContactPoint"));
        Assert.False(_rule.AppliesTo("Forum"));
    }
}
