using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>Days at the calendar's two ends in the date filters: the content list turned them into instants outside the
/// calendar, and the audit log added a day past its end; both pages failed with a server error.</summary>
public sealed class AdminDateFilterTests
{
    [Theory]
    [InlineData("/admin/content?from=0001-01-01", "“0001-01-01” is not a day between the years 1900 and 9998")]
    [InlineData("/admin/content?to=9999-12-31", "“9999-12-31” is not a day between the years 1900 and 9998")]
    [InlineData("/admin/audit?to=9999-12-31", "Enter a date as year-month-day between the years 1900 and 9998")]
    [InlineData("/admin/audit?from=0001-01-01", "Enter a date as year-month-day between the years 1900 and 9998")]
    public async Task ADayAtTheCalendarsEndIsRefusedBesideItsBox(string url, string message)
    {
        var (app, admin) = await AdminSites.StartAsync(Providers.Sqlite);
        using var _ = app;
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await admin.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
