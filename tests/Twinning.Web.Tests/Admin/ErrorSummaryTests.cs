using System.Net;
using System.Text.RegularExpressions;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>Every admin form the server refuses answers as the content editor does: "Error:" first in the page's
/// title, and an error summary at the top whose links lead to the fields, each of which has its message beside it.</summary>
public sealed partial class ErrorSummaryTests
{
    [Fact]
    public async Task ARefusedFormHasErrorInItsTitleAndASummaryLinkingToEachField()
    {
        var (app, admin) = await AdminSites.StartAsync(Providers.Sqlite);
        using var _ = app;
        var refusals = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("a role without a name", () => admin.SubmitAsync("/admin/roles", "/admin/roles/create", new() { ["name"] = "" })),
            ("a user without a name", () => admin.SubmitAsync("/admin/users/new", "/admin/users/new", new() { ["userName"] = "", ["role"] = "" })),
            ("an API client without an id", () => admin.SubmitAsync("/admin/api-clients", "/admin/api-clients/create", new() { ["clientId"] = "" })),
            ("a password change with a wrong password", () => admin.SubmitAsync("/account/password", "/account/password",
                new() { ["currentPassword"] = "not the password", ["newPassword"] = "another long passphrase", ["confirmPassword"] = "another long passphrase" })),
            ("the content list's day that is not a date", () => admin.GetAsync("/admin/content?from=2026-13-45")),
            ("the audit log's days in the wrong order", () => admin.GetAsync("/admin/audit?from=2026-05-02&to=2026-05-01")),
        };
        foreach (var (what, send) in refusals)
        {
            var html = await (await send()).Content.ReadAsStringAsync();
            Assert.Matches(TitleWithError(), html);
            var summary = Summary().Match(html);
            Assert.True(summary.Success, what);
            var targets = SummaryLinks().Matches(summary.Value).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(targets);
            foreach (var target in targets)
            {
                // The field the link leads to, described by its message.
                Assert.Matches(new Regex($"id=\"{Regex.Escape(target)}\""), html);
                Assert.Contains($"id=\"{target}-error\"", html, StringComparison.Ordinal);
            }
        }

        // A form that was not refused has neither.
        var fine = await admin.GetStringAsync("/admin/roles");
        Assert.DoesNotMatch(TitleWithError(), fine);
        Assert.DoesNotContain("error-summary", fine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/content?from=2026-05-01")).StatusCode);
    }

    [GeneratedRegex("<title>Error: ")]
    private static partial Regex TitleWithError();

    [GeneratedRegex("<div class=\"error-summary\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("<a href=\"#([^\"]+)\">")]
    private static partial Regex SummaryLinks();
}
