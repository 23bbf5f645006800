using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>A NUL character posted in a multipart form (the urlencoded reader refuses it, a multipart form carries it):
/// PostgreSQL refused it wherever it reached a query, and the page failed with a server error; SQLite stored it.</summary>
public sealed class UnstorableFormTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFormWithANulIsRefusedNamingTheFieldAndNothingIsStored(string provider)
    {
        var (app, admin) = await AdminSites.StartAsync(provider);
        using var _ = app;
        var visitor = AdminSites.Browser(app);

        var signIn = await visitor.SubmitMultipartAsync("/account/login", "/account/login", new() { ["userName"] = "ad\0min", ["password"] = "x", ["returnUrl"] = "" });
        var role = await admin.SubmitMultipartAsync("/admin/roles", "/admin/roles/create", new() { ["name"] = "Reviewer", ["description"] = "a\0b" });

        foreach (var (response, field) in new[] { (signIn, "userName"), (role, "description") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"The field “{field}” contains a NUL character", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Reviewer", await (await admin.GetAsync("/admin/roles")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
