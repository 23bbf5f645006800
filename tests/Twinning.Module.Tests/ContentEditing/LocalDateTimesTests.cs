using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using NodaTime;
using Twinning.Core.Rules;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Tests.ContentEditing;

/// <summary>A date and time typed in the site's time zone (the date-time editor and publish later): the instant it
/// stands for, across Europe/Warsaw's clock changes.</summary>
public sealed class LocalDateTimesTests
{
    private static readonly DateTimeZone Warsaw = DateTimeZoneProviders.Tzdb["Europe/Warsaw"];

    [Theory]
    [InlineData("2027-01-15T10:00", "2027-01-15T09:00:00Z")] // winter: UTC+1
    [InlineData("2027-07-15T10:00", "2027-07-15T08:00:00Z")] // summer: UTC+2
    [InlineData("2027-07-15T10:00:30", "2027-07-15T08:00:30Z")]
    [InlineData("2027-03-28T03:00", "2027-03-28T01:00:00Z")] // the first minute after the spring change
    public void ALocalTimeIsTheInstantItNamesInTheZone(string typed, string utc)
    {
        var (value, problem) = LocalDateTimes.Parse(typed, Warsaw);

        Assert.Null(problem);
        Assert.Equal(Instant.FromDateTimeOffset(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), value);
    }

    [Fact]
    public void ATimeTheClocksSkipIsRefusedWithAClearMessage()
    {
        // On 28 March 2027 the clocks go from 02:00 to 03:00: 02:30 never happens in Warsaw.
        var errors = new List<ContentValidationError>();
        var form = new EditorForm(new FormCollection(new Dictionary<string, StringValues> { ["schedule.PublishAt"] = "2027-03-28T02:30" }),
            "schedule", "Publish at", [], Warsaw, errors);

        var value = LocalDateTimes.Read(form, "PublishAt");

        Assert.Null(value);
        var error = Assert.Single(errors);
        Assert.Equal("schedule.PublishAt", error.Field);
        Assert.Equal("Editor.SkippedTime", error.Problem.Key);
        Assert.Equal("Publish at: 2027-03-28T02:30 does not exist in the time zone Europe/Warsaw (the clocks are put forward then).", error.Message);
    }

    [Fact]
    public void OfATimeThatHappensTwiceTheFirstIsTaken()
    {
        // On 31 October 2027 the clocks go back from 03:00 to 02:00: 02:30 happens at 00:30 and at 01:30 UTC.
        var (value, problem) = LocalDateTimes.Parse("2027-10-31T02:30", Warsaw);

        Assert.Null(problem);
        Assert.Equal(Instant.FromUtc(2027, 10, 31, 0, 30), value);
        Assert.Equal("2027-10-31T02:30", LocalDateTimes.InputText(value!.Value, Warsaw));
    }

    [Theory]
    [InlineData("31.03.2027 10:00")]
    [InlineData("2027-02-30T10:00")]
    [InlineData("tomorrow")]
    public void TextThatIsNoDateAndTimeIsRefused(string typed)
    {
        var (value, problem) = LocalDateTimes.Parse(typed, Warsaw);

        Assert.Null(value);
        Assert.Equal("Editor.NotADateTime", problem);
    }

    [Fact]
    public void AnEmptyInputIsNoTimeAndNoProblem()
    {
        var errors = new List<ContentValidationError>();
        var form = new EditorForm(new FormCollection([]), "schedule", "Publish at", new JsonObject(), Warsaw, errors);

        Assert.Null(LocalDateTimes.Read(form, "PublishAt"));
        Assert.Empty(errors);
    }
}
