using Microsoft.AspNetCore.Mvc.Testing;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>A site without the sample content, and its administrator signed in over HTTP as a browser is (cookies kept,
/// redirects shown), for admin pages tested without a browser.</summary>
public static class AdminSites
{
    public const string AdminPassword = "the administrator's passphrase";

    public static async Task<(TwinningApplication App, HttpClient Admin)> StartAsync(string provider)
    {
        var app = new TwinningApplication(provider, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = AdminPassword });
        var admin = Browser(app);
        var signIn = await admin.SignInAsync("admin", AdminPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        return (app, admin);
    }

    public static HttpClient Browser(TwinningApplication app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
