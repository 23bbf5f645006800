using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary><c>dotnet Twinning.Web.dll users reset-password admin</c>, through the entry Program.cs hands the
/// arguments to, on the site's own services and database.</summary>
public sealed partial class UserCommandsTests
{
    private const string AdminPassword = "the administrator's passphrase";

    [Fact]
    public async Task ResettingALockedOutAdministratorPrintsATemporaryPasswordThatSignsInAndMustBeChanged()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Setup:AdminPassword"] = AdminPassword,
            ["Twinning:Accounts:MaxFailedAccessAttempts"] = "2",
        });
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await browser.SignInAsync("admin", "a guess that is wrong");
        await browser.SignInAsync("admin", "another wrong guess");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync("admin", AdminPassword)).StatusCode);

        var output = new StringWriter();
        var exitCode = await UserCommands.RunAsync(app.Services, ["users", "reset-password", "admin"], output);
        var password = PrintedPassword().Match(output.ToString()).Groups[1].Value;

        Assert.Equal(0, exitCode);
        Assert.Equal(24, password.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/media")).StatusCode);
        var changed = await browser.SubmitAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = password,
            ["newPassword"] = "a new passphrase of my own",
            ["confirmPassword"] = "a new passphrase of my own",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/media")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownUserOrAMisusedCommandChangesNothingAndSaysSo()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        app.CreateClient();

        var unknown = new StringWriter();
        var misused = new StringWriter();

        Assert.Equal(1, await UserCommands.RunAsync(app.Services, ["users", "reset-password", "nobody"], unknown));
        Assert.Equal(2, await UserCommands.RunAsync(app.Services, ["users", "reset-password"], misused));
        Assert.Contains("There is no user 'nobody'.", unknown.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: users reset-password <user name>", misused.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("The temporary password of 'admin' is: (\\w+)")]
    private static partial Regex PrintedPassword();
}
