using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Tests.ContentFields;

public sealed class FieldValuesTests
{
    [Theory]
    [InlineData("2008-01-01")]
    [InlineData("2008-01-01T00:00:00Z")]
    [InlineData("2008-01-01T23:59:59Z")]
    [InlineData("2008-01-01T15:30:00")]
    [InlineData("2008-01-01T15:30:00.1234567Z")]
    public void DatesAndDateTimesGiveTheirDate(string text)
    {
        Assert.Equal(new DateOnly(2008, 1, 1), FieldValues.ParseDate(text));
    }

    [Theory]
    [InlineData("2008-01-01T00:00:00+01:00")]
    [InlineData("2008-01-01T23:30:00-12:00")]
    public void DateTimesWithAnOffsetGiveTheDateAsWrittenWhateverTheServerTimeZone(string text)
    {
        Assert.Equal(new DateOnly(2008, 1, 1), FieldValues.ParseDate(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("2008-02-30")]
    [InlineData("2008-13-01")]
    [InlineData("tomorrow")]
    public void TextThatIsNotADateGivesNoDate(string text)
    {
        Assert.Null(FieldValues.ParseDate(text));
    }

    [Theory]
    [InlineData("2017-04-27")]
    [InlineData("2017-04-27T00:00:00")]
    [InlineData("2017-04-27T00:00:00Z")]
    [InlineData("2017-04-27T00:00:00.0000000Z")]
    [InlineData("2017-04-27T00:00:00+00:00")]
    public void ADateInputIsADateOrTheMidnightDateTimeOrchardWritesForIt(string text)
    {
        Assert.Equal(new DateOnly(2017, 4, 27), FieldValues.ParseDateInput(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("2017-04-27T15:30:00Z")]
    [InlineData("2017-04-27T00:00:01")]
    [InlineData("2017-04-27T00:00:00.5Z")]
    [InlineData("2017-04-27T00:00:00+02:00")]
    [InlineData("2017-04-26T22:00:00Z")]
    [InlineData("27.04.2017")]
    [InlineData("April 27, 2017")]
    [InlineData("2017-02-30")]
    public void ADateInputWithATimeOfDayAnOffsetOrAnotherFormIsNoDate(string text)
    {
        Assert.Null(FieldValues.ParseDateInput(text));
    }

    [Theory]
    [InlineData("2024-05-01T10:00:00Z")]
    [InlineData("2024-05-01T10:00:00")]
    [InlineData("2024-05-01T12:00:00+02:00")]
    [InlineData("2024-05-01T05:00:00-05:00")]
    public void DateTimesAreReadAsUtc(string text)
    {
        var value = FieldValues.ParseUtc(text);

        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value!.Value.Kind);
    }

    [Fact]
    public void AnOffsetCanMoveTheUtcDateTimeToTheDayBefore()
    {
        Assert.Equal(new DateTime(2024, 4, 30, 22, 30, 0, DateTimeKind.Utc), FieldValues.ParseUtc("2024-05-01T00:30:00+02:00"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("2024-05-32T10:00:00Z")]
    public void TextThatIsNotADateTimeGivesNoValue(string text)
    {
        Assert.Null(FieldValues.ParseUtc(text));
    }

    [Theory]
    [InlineData("08:00", 8, 0, 0)]
    [InlineData("08:00:00", 8, 0, 0)]
    [InlineData("00:00", 0, 0, 0)]
    [InlineData("23:59:59", 23, 59, 59)]
    [InlineData("17:45:30", 17, 45, 30)]
    public void TimesOfDayAreRead(string text, int hours, int minutes, int seconds)
    {
        Assert.Equal(new TimeSpan(hours, minutes, seconds), FieldValues.ParseTime(text));
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("25:00")]
    [InlineData("8am")]
    [InlineData("08:60")]
    [InlineData("-08:00")]
    [InlineData("1.08:00:00")]
    [InlineData("")]
    public void TextThatIsNotATimeOfDayGivesNoTime(string text)
    {
        Assert.Null(FieldValues.ParseTime(text));
    }
}
