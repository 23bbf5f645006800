using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

/// <summary>
/// The host's command line for accounts, run instead of the web server:
/// <c>dotnet Twinning.Web.dll users reset-password &lt;name&gt;</c> gives the user a new temporary password, prints it
/// once, lifts any lockout and ends the user's sessions; the user must change it at next sign-in. It works on the
/// database the site's configuration names, so run it as the service's user, with the same settings.
/// </summary>
public static class UserCommands
{
    /// <summary>Whether the arguments ask for a command rather than the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "users";

    /// <summary>Runs the command; the process's exit code (0 done, 1 refused, 2 misused).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not ["users", "reset-password", var userName])
        {
            await output.WriteLineAsync("Usage: users reset-password <user name>");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await output.WriteLineAsync("The database is not set up or not upgraded yet: start the site once, then run this again.");
            return 1;
        }
        var password = await scope.ServiceProvider.GetRequiredService<UserService>().SetTemporaryPasswordAsync(userName, "The command line");
        if (password is null)
        {
            await output.WriteLineAsync($"There is no user '{userName}'.");
            return 1;
        }
        await output.WriteLineAsync($"The temporary password of '{userName}' is: {password}");
        await output.WriteLineAsync("It is shown only this once. Any lockout is lifted; the password must be changed at the next sign-in.");
        return 0;
    }
}
