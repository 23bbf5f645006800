using NodaTime;
using Twinning.Core.Municipal.ContactPoints;
using static Twinning.Module.Tests.Municipal.TwinningItems;

namespace Twinning.Module.Tests.Municipal;

/// <summary>
/// One reader of stored opening hours for the save rule and the outputs. They used to parse days separately: the
/// outputs took whatever followed the last '/' and let .NET's enum parser read it, so a day the rule refuses was
/// still shown, and "Monday,Tuesday" was shown as Wednesday (1 | 2 = 3).
/// </summary>
public sealed class OpeningHoursTests
{
    [Theory]
    [InlineData("Monday", IsoDayOfWeek.Monday)]
    [InlineData("monday", IsoDayOfWeek.Monday)]
    [InlineData(" Tuesday ", IsoDayOfWeek.Tuesday)]
    [InlineData("https://schema.org/Sunday", IsoDayOfWeek.Sunday)]
    [InlineData("http://schema.org/friday", IsoDayOfWeek.Friday)]
    [InlineData("https://example.org/Monday", null)]
    [InlineData("Monday,Tuesday", null)]
    [InlineData("Monday, Tuesday", null)]
    [InlineData("1", null)]
    [InlineData("None", null)]
    [InlineData("Someday", null)]
    [InlineData("", null)]
    public void DaysAreSchemaOrgNamesOrTheirSchemaOrgUrls(string text, IsoDayOfWeek? expected)
        => Assert.Equal(expected, OpeningHours.ParseDay(text));

    [Theory]
    [InlineData("Monday")]
    [InlineData("https://schema.org/Saturday")]
    [InlineData("https://example.org/Monday")]
    [InlineData("Monday,Tuesday")]
    [InlineData("Wednesday/")]
    [InlineData("7")]
    public async Task WhatTheSaveRuleAcceptsIsExactlyWhatTheOutputsShow(string day)
    {
        var item = ContactPoint([Hours(day, "09:00", "17:00")]);

        var errors = await ValidateAsync(new OpeningHoursRule(), item);
        var shown = OpeningHours.Read(ContactPoint([Hours(day, "09:00", "17:00")]));

        Assert.Equal(errors.Count == 0, shown.Count == 1);
    }

    [Fact]
    public void AListOfDaysIsNotShownAsTheDayItsNumbersAddUpTo()
    {
        var shown = OpeningHours.Read(ContactPoint([Hours("Monday,Tuesday", "09:00", "17:00"), Hours("Friday", "10:00", "12:00")]));

        var range = Assert.Single(shown);
        Assert.Equal(new OpeningHoursRange(IsoDayOfWeek.Friday, new LocalTime(10, 0), new LocalTime(12, 0)), range);
    }

    [Fact]
    public void EntriesThatCloseBeforeTheyOpenOrLackATimeAreNotShown()
    {
        var shown = OpeningHours.Read(ContactPoint([Hours("Monday", "17:00", "09:00"), Hours("Tuesday", null, "12:00"), Hours("Thursday", "8:00", "15:30")]));

        Assert.Equal([new OpeningHoursRange(IsoDayOfWeek.Thursday, new LocalTime(8, 0), new LocalTime(15, 30))], shown);
    }
}
