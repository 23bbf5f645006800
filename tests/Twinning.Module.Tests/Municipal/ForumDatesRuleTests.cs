using Twinning.Core.Municipal.Forums;

using static Twinning.Module.Tests.Municipal.TwinningItems;

namespace Twinning.Module.Tests.Municipal;

public sealed class ForumDatesRuleTests
{
    private readonly ForumDatesRule _rule = new();

    [Fact]
    public async Task ForumEndingAfterItStartsIsAccepted()
    {
        Assert.Empty(await ValidateAsync(_rule, Forum("2017-04-27T07:00:00Z", "2017-04-27T16:00:00Z")));
    }

    [Fact]
    public async Task ForumEndingBeforeItStartsIsRejectedWithLocalTimes()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Forum("2017-04-27T16:00:00Z", "2017-04-27T07:00:00Z")));

        Assert.Equal("Forum.EndDate.Value", error.Field);
        Assert.Equal(
            "The forum must end after it starts: it starts 2017-04-27 18:00 and ends 2017-04-27 09:00 (Europe/Warsaw).",
            error.Message);
    }

    [Fact]
    public async Task ForumEndingWhenItStartsIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Forum("2017-04-27T07:00:00Z", "2017-04-27T07:00:00Z")));

        Assert.Equal("Forum.EndDate.Value", error.Field);
        Assert.Contains("must end after it starts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForumWithoutAnEndDateIsAccepted()
    {
        Assert.Empty(await ValidateAsync(_rule, Forum("2017-04-27T07:00:00Z", null)));
    }

    [Fact]
    public async Task TimesAreShownInTheSiteTimeZone()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Forum("2017-04-27T16:00:00Z", "2017-04-27T07:00:00Z"), "Europe/Vilnius"));

        Assert.EndsWith("it starts 2017-04-27 19:00 and ends 2017-04-27 10:00 (Europe/Vilnius).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSiteTimeZoneFallsBackToWarsaw()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Forum("2017-01-10T16:00:00Z", "2017-01-10T07:00:00Z"), "Mars/Olympus_Mons"));

        Assert.EndsWith("it starts 2017-01-10 17:00 and ends 2017-01-10 08:00 (Europe/Warsaw).", error.Message, StringComparison.Ordinal);
    }
}
