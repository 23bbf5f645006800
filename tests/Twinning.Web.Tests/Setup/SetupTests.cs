using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Setup;

/// <summary>First start provisions the site once and creates the first administrator.</summary>
public sealed partial class SetupTests
{
    [Fact]
    public async Task TheAdministratorComesFromConfiguration()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Setup:AdminUserName"] = "webmaster",
            ["Twinning:Setup:AdminPassword"] = "Gdańsk-Połock-2008",
        });
        app.CreateClient();

        var (user, passwordOk) = await app.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserService>();
            var found = await users.FindAsync("WebMaster");
            return (found, found is not null && users.CheckPassword(found, "Gdańsk-Połock-2008"));
        });
        Assert.NotNull(user);
        Assert.True(passwordOk);
        Assert.Equal([RoleNames.Administrator], user.Roles.Select(r => r.RoleName));
        Assert.DoesNotContain(app.Log, line => line.Contains("Gdańsk-Połock-2008", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFirstStartLogsNoErrors(string provider)
    {
        using var app = new TwinningApplication(provider);

        var health = await app.CreateClient().GetStringAsync("/health");

        Assert.Equal("Healthy", health);
        var errors = app.Log.Where(line => line.StartsWith("Error:", StringComparison.Ordinal) || line.StartsWith("Critical:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task TheSqliteDatabaseUsesWriteAheadLogging()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        app.CreateClient();

        // Without it, SaveChanges fails at once with "database is locked" while another connection reads.
        await using var db = app.CreateDbContext();
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode()").SingleAsync());
    }

    [Fact]
    public async Task AGeneratedPasswordIsLoggedOnceAndTheRecipeRunsOnce()
    {
        var dataPath = Directory.CreateTempSubdirectory("twinning-restart-").FullName;
        try
        {
            string password;
            using (var first = new TwinningApplication(Providers.Sqlite, dataPath: dataPath))
            {
                first.CreateClient();
                var line = Assert.Single(first.Log, l => l.Contains("generated password", StringComparison.Ordinal));
                password = GeneratedPassword().Match(line).Groups[1].Value;
                Assert.Equal(24, password.Length);
                Assert.True(await first.InScopeAsync(async s =>
                {
                    var users = s.GetRequiredService<UserService>();
                    return users.CheckPassword((await users.FindAsync("admin"))!, password);
                }));
            }

            using var second = new TwinningApplication(Providers.Sqlite, dataPath: dataPath);
            second.CreateClient();
            Assert.DoesNotContain(second.Log, l => l.Contains("generated password", StringComparison.Ordinal));
            Assert.Equal(3, (await second.ListAsync("Forum", "pl-PL")).Count);
            Assert.Equal(1, await second.InScopeAsync(s => Task.FromResult(s.GetRequiredService<TwinningDbContext>().Users.Count())));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ATooShortPasswordStopsSetupAndLeavesTheDatabaseEmpty(string provider)
    {
        using var app = new TwinningApplication(provider, settings: new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = "short" });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("at least 12 characters", error.Message, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Empty(db.ContentItemVersions);
        Assert.Empty(db.Documents);
        Assert.Empty(db.Users);
    }

    [GeneratedRegex("generated password (\\S+)")]
    private static partial Regex GeneratedPassword();
}
