using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Scheduling;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Content;

/// <summary>Publish later and unpublish later: carried out by the site at their time, as the user who scheduled them,
/// through the one write sequence (audit, history), also after a restart; refused and explained when that user may no
/// longer publish; dropped when the item is deleted.</summary>
public sealed class ScheduledPublishingTests
{
    private const string Password = "a long passphrase for tests";

    /// <summary>The runner looks often, so a test sees a due schedule carried out within a moment.</summary>
    private static readonly Dictionary<string, string?> Settings = new() { ["Twinning:Scheduling:PollInterval"] = "00:00:00.2" };

    /// <summary>A clock the test moves forward.</summary>
    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static WebApplicationFactory<Program> WithClock(WebApplicationFactory<Program> app, TimeProvider clock)
        => app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clock)));

    /// <summary>A user "ewa" in a role that may edit and publish articles, and her identity as her cookie gives it.</summary>
    private static async Task<ClaimsPrincipal> EditorAsync(TwinningApplication app, string role = "Publisher")
    {
        await app.DefineRoleAsync(role, "EditContent", "PublishContent", "DeleteContent", "ViewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("ewa", null, Password, [role])));
        var user = (await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("ewa")))!;
        var identity = new ClaimsIdentity("Test", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }

    private static async Task<string> DraftAsync(TwinningApplication app, string title)
    {
        var saved = await app.SaveAsync(Articles.New(title), publish: false);
        Assert.True(saved.Succeeded);
        return saved.Item!.ContentItemId;
    }

    private static Task<ContentEditStatus> ScheduleAsync(IServiceProvider services, ClaimsPrincipal user, string id, DateTimeOffset? publish, DateTimeOffset? unpublish = null)
        => InScope(services, s => s.GetRequiredService<ContentSchedules>().ScheduleAsync(user, id, publish?.UtcDateTime, unpublish?.UtcDateTime));

    private static async Task<T> InScope<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static Task<List<ContentScheduleRecord>> SchedulesAsync(IServiceProvider services, string id)
        => InScope(services, s => s.GetRequiredService<TwinningDbContext>().Set<ContentScheduleRecord>().AsNoTracking().Where(r => r.ContentItemId == id).OrderBy(r => r.Id).ToListAsync());

    /// <summary>Waits until the item's only schedule has been carried out, refused or dropped, and returns it.</summary>
    private static async Task<ContentScheduleRecord> SettledAsync(IServiceProvider services, string id)
    {
        await EventuallyAsync(async () => (await SchedulesAsync(services, id)).Single().Status is not (ScheduleStatuses.Pending or ScheduleStatuses.Running));
        return Assert.Single(await SchedulesAsync(services, id));
    }

    /// <summary>Asks until <paramref name="done"/> holds (the runner works in the background), for at most 15 seconds.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, "The schedule was not carried out in time.");
            await Task.Delay(100);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AScheduledPublishHappensAtItsTimeAsTheUserWhoScheduledIt(string provider)
    {
        using var app = await Articles.StartAsync(provider, Settings);
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var site = WithClock(app, clock);
        var visitor = site.CreateClient();
        var ewa = await EditorAsync(app);
        var id = await DraftAsync(app, "Forum Miast Partnerskich 2027");

        Assert.Equal(ContentEditStatus.Done, await ScheduleAsync(site.Services, ewa, id, clock.Now.AddHours(1)));
        await Task.Delay(1000);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/content/{id}")).StatusCode);
        Assert.Equal(ScheduleStatuses.Pending, Assert.Single(await SchedulesAsync(site.Services, id)).Status);

        clock.Now = clock.Now.AddHours(1).AddMinutes(1);
        Assert.Equal(ScheduleStatuses.Done, (await SettledAsync(site.Services, id)).Status);

        var read = await (await visitor.GetAsync($"/api/content/{id}")).JsonAsync();
        Assert.Equal("Forum Miast Partnerskich 2027", read["TitlePart"]!["Title"]!.GetValue<string>());
        // As a publish from the admin: in the audit log and the item's history under her name.
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.AuditEntries.Where(a => a.ContentItemId == id).ToListAsync(), a => a.Action == "Published" && a.UserName == "ewa");
        Assert.Contains(await db.Set<ContentRevisionRecord>().Where(r => r.ContentItemId == id).ToListAsync(), r => r.Published && r.UserName == "ewa");
    }

    [Fact]
    public async Task AScheduleWhoseTimePassedWhileTheSiteWasDownRunsAtStart()
    {
        var dataPath = Directory.CreateTempSubdirectory("twinning-test-").FullName;
        try
        {
            string id;
            var now = DateTimeOffset.UtcNow;
            using (var first = new TwinningApplication(Providers.Sqlite, runRecipe: false, Settings, dataPath))
            {
                first.CreateClient();
                Assert.True((await first.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
                var ewa = await EditorAsync(first);
                id = await DraftAsync(first, "Dni Gdańska w Turku");
                Assert.Equal(ContentEditStatus.Done, await ScheduleAsync(first.Services, ewa, id, now.AddHours(1)));
                Assert.Equal(HttpStatusCode.NotFound, (await first.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
            }

            // Two hours later the site starts again on the same database: the publish it missed is carried out at once.
            using var second = new TwinningApplication(Providers.Sqlite, runRecipe: false, Settings, dataPath);
            using var restarted = WithClock(second, new MovableClock(now.AddHours(2)));
            var visitor = restarted.CreateClient();
            Assert.Equal(ScheduleStatuses.Done, (await SettledAsync(restarted.Services, id)).Status);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/content/{id}")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task AUserWhoMayNoLongerPublishIsRefusedAndTheReasonKept()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite, Settings);
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var site = WithClock(app, clock);
        var ewa = await EditorAsync(app);
        var id = await DraftAsync(app, "Spotkanie w Kaliningradzie");
        Assert.Equal(ContentEditStatus.Done, await ScheduleAsync(site.Services, ewa, id, clock.Now.AddHours(1)));

        // Her role loses the publish permission before the time comes.
        await app.DefineRoleAsync("Publisher", "EditContent", "ViewContent");
        clock.Now = clock.Now.AddHours(2);
        var schedule = await SettledAsync(site.Services, id);
        Assert.Equal(ScheduleStatuses.Refused, schedule.Status);
        Assert.Equal(ScheduleProblems.Denied, schedule.Problem);
        Assert.Equal("PublishContent", schedule.Permission);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.Action == "ScheduleRefused" && a.UserName == "ewa" && a.Target == id);
    }

    [Fact]
    public async Task ADraftWithAnImageWithoutAltIsNotPublishedAtItsTimeAndTheReasonKept()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite, Settings);
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var site = WithClock(app, clock);
        var ewa = await EditorAsync(app);
        var item = Articles.New("Ratusz nocą");
        item.GetOrCreatePart("HtmlBodyPart")["Html"] = """<p><img src="/media/ratusz.jpg"></p>""";
        var saved = await app.SaveAsync(item, publish: false);
        Assert.True(saved.Succeeded);
        var id = saved.Item!.ContentItemId;
        Assert.Equal(ContentEditStatus.Done, await ScheduleAsync(site.Services, ewa, id, clock.Now.AddHours(1)));

        clock.Now = clock.Now.AddHours(2);
        var schedule = await SettledAsync(site.Services, id);

        Assert.Equal(ScheduleStatuses.Refused, schedule.Status);
        Assert.Equal(ScheduleProblems.Invalid, schedule.Problem);
        Assert.Contains("image without alternative text (ratusz.jpg)", schedule.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnUnpublishLaterOfADeletedItemIsDroppedAndAnotherIsCarriedOut()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite, Settings);
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var site = WithClock(app, clock);
        var visitor = site.CreateClient();
        var ewa = await EditorAsync(app);
        var deleted = (await app.SaveAsync(Articles.New("Do usunięcia"))).Item!.ContentItemId;
        var kept = (await app.SaveAsync(Articles.New("Do wycofania"))).Item!.ContentItemId;
        Assert.Equal(ContentEditStatus.Done, await ScheduleAsync(site.Services, ewa, deleted, publish: null, unpublish: clock.Now.AddHours(1)));
        Assert.Equal(ContentEditStatus.Done, await ScheduleAsync(site.Services, ewa, kept, publish: null, unpublish: clock.Now.AddHours(1)));

        Assert.Equal(ContentEditStatus.Done, (await InScope(site.Services, s => s.GetRequiredService<ContentEditor>().DeleteAsync(ewa, deleted))).Status);
        Assert.Equal(ScheduleStatuses.Dropped, Assert.Single(await SchedulesAsync(site.Services, deleted)).Status);

        clock.Now = clock.Now.AddHours(2);
        Assert.Equal(ScheduleStatuses.Done, (await SettledAsync(site.Services, kept)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/content/{kept}")).StatusCode);
        Assert.Equal(ScheduleStatuses.Dropped, Assert.Single(await SchedulesAsync(site.Services, deleted)).Status);
        // Unpublished, not deleted: the latest version stays as a draft.
        Assert.NotNull(await app.GetAsync(kept, VersionOptions.Latest));
    }
}
