using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>Text longer than its column: PostgreSQL refused it and the page failed with a server error, while SQLite
/// stored it whole (a user name of 100,000 characters).</summary>
public sealed class ColumnLengthTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ANameAnAddressOrAUrlLongerThanItsColumnIsRefusedBesideItsField(string provider)
    {
        var (app, admin) = await AdminSites.StartAsync(provider);
        using var _ = app;
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Dictionary<string, string> User(string name, string email) => new()
        {
            ["userName"] = name, ["email"] = email, ["role"] = "Administrator", ["temporaryPassword"] = "another long passphrase",
        };

        var longName = await admin.SubmitAsync("/admin/users/new", "/admin/users/new", User(new string('u', 256), "u@example.com"));
        var longEmail = await admin.SubmitAsync("/admin/users/new", "/admin/users/new", User("redaktor", new string('e', 250) + "@example.com"));
        var longUrl = await admin.SubmitAsync("/admin/webhooks", "/admin/webhooks/create", new()
        {
            ["name"] = "Portal", ["url"] = "https://hooks.example/" + new string('x', 2048), ["events"] = "published", ["enabled"] = "true",
        });

        foreach (var (response, message) in new[]
        {
            (longName, "A user name may have at most 255 characters."),
            (longEmail, "An e-mail address may have at most 255 characters."),
            (longUrl, "An address has at most 2048 characters."),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        var users = await (await admin.GetAsync("/admin/users")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("redaktor", users, StringComparison.Ordinal);
    }
}
