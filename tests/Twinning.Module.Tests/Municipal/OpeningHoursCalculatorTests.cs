using NodaTime;
using NodaTime.Text;
using Twinning.Core.Municipal;
using Twinning.Core.Municipal.ContactPoints;

namespace Twinning.Module.Tests.Municipal;

public sealed class OpeningHoursCalculatorTests
{
    private static readonly DateTimeZone Warsaw = DateTimeZoneProviders.Tzdb["Europe/Warsaw"];

    // The Białystok assistance office of the municipal site recipe.
    private static readonly OpeningHoursRange[] Bialystok =
    [
        new(IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(20, 0)),
        new(IsoDayOfWeek.Tuesday, new LocalTime(8, 0), new LocalTime(15, 0)),
        new(IsoDayOfWeek.Wednesday, new LocalTime(8, 0), new LocalTime(15, 0)),
        new(IsoDayOfWeek.Thursday, new LocalTime(8, 0), new LocalTime(15, 0)),
        new(IsoDayOfWeek.Friday, new LocalTime(8, 0), new LocalTime(15, 0)),
        new(IsoDayOfWeek.Saturday, new LocalTime(9, 0), new LocalTime(14, 0)),
    ];

    private static OpeningStatus At(string instant, IReadOnlyCollection<OpeningHoursRange>? hours = null)
        => new OpeningHoursCalculator(Warsaw).Compute(hours ?? Bialystok, InstantPattern.ExtendedIso.Parse(instant).Value);

    [Fact]
    public void MondayAtNoonLocalIsClosedAndOpensAtOneThatAfternoon()
    {
        var status = At("2024-05-06T10:00:00Z");

        Assert.False(status.Open);
        Assert.Null(status.ClosesAt);
        Assert.Equal("2024-05-06T12:00:00+02:00", OpeningHoursCalculator.Iso(status.LocalTime));
        Assert.Equal(IsoDayOfWeek.Monday, status.NextOpening!.Day);
        Assert.Equal(new LocalTime(13, 0), status.NextOpening.Opens);
        Assert.Equal("2024-05-06T13:00:00+02:00", OpeningHoursCalculator.Iso(status.NextOpening.At));
    }

    [Fact]
    public void TuesdayMorningIsOpenUntilThreeAndNextOpensOnWednesday()
    {
        var status = At("2024-05-07T08:30:00Z");

        Assert.True(status.Open);
        Assert.Equal("2024-05-07T15:00:00+02:00", OpeningHoursCalculator.Iso(status.ClosesAt!.Value));
        Assert.Equal(IsoDayOfWeek.Wednesday, status.NextOpening!.Day);
    }

    [Fact]
    public void ClosingTimeItselfIsClosed()
    {
        var status = At("2024-05-07T13:00:00Z");

        Assert.False(status.Open);
        Assert.Equal("2024-05-08T08:00:00+02:00", OpeningHoursCalculator.Iso(status.NextOpening!.At));
    }

    [Fact]
    public void SaturdayAfternoonIsClosedUntilMondayAtOne()
    {
        var status = At("2024-05-11T13:00:00Z");

        Assert.False(status.Open);
        Assert.Equal(IsoDayOfWeek.Monday, status.NextOpening!.Day);
        Assert.Equal("2024-05-13T13:00:00+02:00", OpeningHoursCalculator.Iso(status.NextOpening.At));
    }

    [Fact]
    public void OverTheSpringChangeSaturdayIsInWinterTimeAndMondayInSummerTime()
    {
        // Clocks go forward on Sunday 31 March 2024 at 02:00 in Warsaw.
        var status = At("2024-03-30T14:00:00Z");

        Assert.Equal("2024-03-30T15:00:00+01:00", OpeningHoursCalculator.Iso(status.LocalTime));
        Assert.Equal("2024-04-01T13:00:00+02:00", OpeningHoursCalculator.Iso(status.NextOpening!.At));
        Assert.Equal(Instant.FromUtc(2024, 4, 1, 11, 0), status.NextOpening.At.ToInstant());
    }

    [Fact]
    public void OverTheAutumnChangeSaturdayIsInSummerTimeAndMondayInWinterTime()
    {
        // Clocks go back on Sunday 27 October 2024 at 03:00 in Warsaw.
        var status = At("2024-10-26T13:00:00Z");

        Assert.Equal("2024-10-26T15:00:00+02:00", OpeningHoursCalculator.Iso(status.LocalTime));
        Assert.Equal("2024-10-28T13:00:00+01:00", OpeningHoursCalculator.Iso(status.NextOpening!.At));
        Assert.Equal(Instant.FromUtc(2024, 10, 28, 12, 0), status.NextOpening.At.ToInstant());
    }

    [Fact]
    public void AnOpeningTimeInTheSpringGapMovesForwardByTheGap()
    {
        OpeningHoursRange[] night = [new(IsoDayOfWeek.Sunday, new LocalTime(2, 30), new LocalTime(6, 0))];

        var status = At("2024-03-30T23:00:00Z", night);

        Assert.Equal("2024-03-31T03:30:00+02:00", OpeningHoursCalculator.Iso(status.NextOpening!.At));
    }

    [Fact]
    public void AnOpeningTimeTheAutumnChangeRepeatsMeansItsFirstOccurrence()
    {
        OpeningHoursRange[] night = [new(IsoDayOfWeek.Sunday, new LocalTime(2, 30), new LocalTime(6, 0))];

        var status = At("2024-10-26T22:00:00Z", night);

        Assert.Equal(Instant.FromUtc(2024, 10, 27, 0, 30), status.NextOpening!.At.ToInstant());
    }

    [Fact]
    public void OnTheOnlyOpeningDayAfterClosingTheNextOpeningIsAWeekLater()
    {
        OpeningHoursRange[] mondays = [new(IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(20, 0))];

        var status = At("2024-05-06T19:00:00Z", mondays);

        Assert.Equal("2024-05-13T13:00:00+02:00", OpeningHoursCalculator.Iso(status.NextOpening!.At));
    }

    [Fact]
    public void WithoutOpeningHoursItIsClosedWithNoNextOpening()
    {
        var status = At("2024-05-06T10:00:00Z", []);

        Assert.False(status.Open);
        Assert.Null(status.NextOpening);
    }

    [Theory]
    [InlineData("2024-05-06T12:00:00Z", "2024-05-06T12:00:00Z")]
    [InlineData("2024-05-06T14:00:00+02:00", "2024-05-06T12:00:00Z")]
    [InlineData("2024-05-06T12:00:00.5Z", "2024-05-06T12:00:00.5Z")]
    [InlineData("9998-12-31T23:59:59-14:00", "9999-01-01T13:59:59Z")]
    [InlineData("0001-01-01T00:00:00+14:00", "0000-12-31T10:00:00Z")]
    public void InstantsWithAnOffsetOrZAreAccepted(string text, string expected)
        => Assert.Equal(InstantPattern.ExtendedIso.Parse(expected).Value, OpeningHoursCalculator.ParseInstant(text));

    /// <summary>Instants in the calendar's last days overflowed when the week ahead was walked.</summary>
    [Theory]
    [InlineData("9998-12-31T23:59:59-14:00")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    public void TheFirstAndLastInstantsAcceptedHaveAStatus(string text)
        => Assert.NotNull(new OpeningHoursCalculator(Warsaw).Compute(Bialystok, OpeningHoursCalculator.ParseInstant(text)!.Value).NextOpening);

    [Theory]
    [InlineData("2024-05-06T12:00:00")]
    [InlineData("yesterday")]
    [InlineData("2024-13-06T12:00:00Z")]
    [InlineData("")]
    [InlineData("9999-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:00:00-14:00")]
    [InlineData("-9998-01-01T00:00:00+14:00")]
    [InlineData("0000-06-01T00:00:00Z")]
    public void InstantsWithoutAnOffsetOrMalformedAreRejected(string text)
        => Assert.Null(OpeningHoursCalculator.ParseInstant(text));

    [Fact]
    public void TheJsonGivesLocalTimesWithOffsetsAndTheNextOpeningDay()
    {
        var json = OpeningHoursCalculator.ToJson(At("2024-05-06T10:00:00Z")).ToJsonString(TwinningViews.Json);

        Assert.Equal(
            """{"open":false,"timeZone":"Europe/Warsaw","localTime":"2024-05-06T12:00:00+02:00","closesAt":null,"nextOpening":{"day":"Monday","opens":"13:00:00","at":"2024-05-06T13:00:00+02:00"}}""",
            json);
    }
}
