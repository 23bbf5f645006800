using Twinning.Core.Municipal.PartnerCities;

using static Twinning.Module.Tests.Municipal.TwinningItems;

namespace Twinning.Module.Tests.Municipal;

public sealed class PartnershipStatusHistoryRuleTests
{
    private readonly PartnershipStatusHistoryRule _rule = new();

    [Fact]
    public async Task ChronologicalHistoryWithKnownStatusesIsAccepted()
    {
        var item = PartnerCity(
            StatusChange("2007-06-01", "proposed", "month"),
            StatusChange("2008-01-01", "active", "year"),
            StatusChange("2008-01-01T00:00:00Z", "dormant"),
            StatusChange("2022-03-03", "suspended"));

        Assert.Empty(await ValidateAsync(_rule, item));
    }

    [Fact]
    public async Task OutOfOrderHistoryIsRejectedAtTheFirstOutOfOrderDate()
    {
        var item = PartnerCity(
            StatusChange("2008-01-01", "active"),
            StatusChange("2022-03-03", "suspended"),
            StatusChange("2014-05-01", "dormant"),
            StatusChange("2010-01-01", "resumed"));

        var error = Assert.Single(await ValidateAsync(_rule, item));

        Assert.Equal("StatusHistory.ContentItems[2].PartnershipStatusChange.Date.Value", error.Field);
        Assert.Equal(
            "Status changes must be in chronological order: change 3 is dated 2014-05-01, before change 2 dated 2022-03-03.",
            error.Message);
    }

    [Fact]
    public async Task UnknownStatusIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, PartnerCity(StatusChange("2008-01-01", "frozen"))));

        Assert.Equal("StatusHistory.ContentItems[0].PartnershipStatusChange.Status.Text", error.Field);
        Assert.StartsWith("Status change 1: 'frozen' is not a partnership status; use one of proposed, active,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingStatusIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, PartnerCity(StatusChange("2008-01-01", null))));

        Assert.Equal("StatusHistory.ContentItems[0].PartnershipStatusChange.Status.Text", error.Field);
    }

    [Fact]
    public async Task StatusIsStoredInLowerCase()
    {
        var item = PartnerCity(StatusChange("2008-01-01", "Active"));

        Assert.Empty(await ValidateAsync(_rule, item));

        Assert.Equal("active", At(item, "StatusHistory.ContentItems[0].PartnershipStatusChange.Status.Text"));
    }

    [Theory]
    [InlineData(null, "Status change 1: the date is missing.")]
    [InlineData("last spring", "Status change 1: 'last spring' is not a date (yyyy-MM-dd).")]
    public async Task ChangeWithoutAReadableDateIsRejected(string? date, string message)
    {
        var error = Assert.Single(await ValidateAsync(_rule, PartnerCity(StatusChange(date, "active"))));

        Assert.Equal("StatusHistory.ContentItems[0].PartnershipStatusChange.Date.Value", error.Field);
        Assert.Equal(message, error.Message);
    }
}
