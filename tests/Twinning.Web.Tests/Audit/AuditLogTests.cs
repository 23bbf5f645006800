using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Admin.ApiClients;
using Twinning.Module.Features.Admin.Roles;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Audit;

/// <summary>The site-wide audit log through the real host: an entry is written in the same transaction as the change
/// it records (so a refused change leaves none), names who, what, to what and from which address, and never holds a
/// secret.</summary>
public sealed class AuditLogTests
{
    private const string AdminPassword = "the administrator's passphrase";
    private const string NewArticle = """{ "ContentType": "Article", "TitlePart": { "Title": "Forum Miast Partnerskich" }, "Article": { "Lead": { "Text": "Gdańsk." } } }""";

    private static Task<List<AuditEntryRecord>> EntriesAsync(TwinningApplication app)
        => app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    private static Task<HttpResponseMessage> PostWithIfMatchAsync(HttpClient client, string json, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/content?draft=true") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EachContentChangeLeavesItsEntryAndARefusedSaveLeavesNone(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "DeleteContent", "ViewContent");
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var created = await editor.PostItemAsync(NewArticle);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await created.JsonAsync())["ContentItemId"]!.GetValue<string>();
        var etag = created.Headers.ETag!.Tag;

        var entries = (await EntriesAsync(app)).Where(a => a.ContentItemId == id).ToList();
        Assert.Equal([AuditActions.ContentCreated, AuditActions.ContentPublished], entries.Select(a => a.Action));
        Assert.All(entries, a => Assert.Equal("Article", a.ContentType));
        Assert.All(entries, a => Assert.False(string.IsNullOrEmpty(a.UserName)));
        var count = (await EntriesAsync(app)).Count;

        // Refused by a field's rule, and by the version check: nothing written, so no entry either.
        var invalid = await editor.PostItemAsync($$"""{ "ContentItemId": "{{id}}", "Article": { "Visitors": { "Value": -5 } } }""");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var saved = await PostWithIfMatchAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Druga wersja" } }""", etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await PostWithIfMatchAsync(editor, $$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Spóźniona" } }""", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(count + 1, (await EntriesAsync(app)).Count);

        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync($"/api/content/{id}")).StatusCode);
        Assert.Equal([AuditActions.ContentCreated, AuditActions.ContentPublished, AuditActions.ContentSaved, AuditActions.ContentRemoved],
            (await EntriesAsync(app)).Where(a => a.ContentItemId == id).Select(a => a.Action));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AccountRoleAndClientChangesAreRecordedWithoutTheirSecrets(string provider)
    {
        using var app = new TwinningApplication(provider, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = AdminPassword });
        var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await admin.SignInAsync("admin", AdminPassword);

        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["userName"] = "kasia", ["email"] = "", ["temporaryPassword"] = "a temporary passphrase", ["role"] = "Administrator",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync("/admin/users", "/admin/users/disable", new() { ["userName"] = "kasia" })).StatusCode);
        var reset = await admin.SubmitAsync("/admin/users", "/admin/users/reset", new() { ["userName"] = "kasia" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var (secret, problems) = await app.InScopeAsync(async s =>
        {
            var roles = s.GetRequiredService<RoleAdministration>();
            Assert.Empty(await roles.CreateAsync("Archivist", null));
            Assert.Empty((await roles.SetPermissionsAsync("Archivist", ["ViewContent", "ViewAuditLog"]))!);
            return await s.GetRequiredService<ApiClientAdministration>().CreateAsync("archive", null, ["Archivist"], mayGiveAdministrator: false);
        });
        Assert.Empty(problems);
        var rotated = await app.InScopeAsync(s => s.GetRequiredService<ApiClientAdministration>().RotateSecretAsync("archive"));
        Assert.True(await app.InScopeAsync(s => s.GetRequiredService<ApiClientAdministration>().RevokeAsync("archive")));

        var entries = await EntriesAsync(app);
        var changes = entries.Where(a => a.Target is "kasia" or "Archivist" or "archive").ToList();
        Assert.Equal(
            [
                (AuditActions.UserCreated, "kasia"), (AuditActions.UserDisabled, "kasia"), (AuditActions.UserPasswordReset, "kasia"),
                (AuditActions.RoleCreated, "Archivist"), (AuditActions.RolePermissionsChanged, "Archivist"),
                (AuditActions.ApiClientCreated, "archive"), (AuditActions.ApiClientSecretRotated, "archive"), (AuditActions.ApiClientRevoked, "archive"),
            ],
            changes.Select(a => (a.Action, a.Target)));
        // Done through the pages: the signed-in administrator did it.
        Assert.All(changes.Take(3), a => Assert.Equal("admin", a.UserName));
        Assert.Equal("Granted: ViewContent, ViewAuditLog; withdrawn: none.", entries.Single(a => a.Action == AuditActions.RolePermissionsChanged).Detail);
        var temporary = System.Text.RegularExpressions.Regex.Match(await reset.Content.ReadAsStringAsync(), "is ([A-Za-z0-9]{24}) ").Groups[1].Value;
        Assert.Equal(24, temporary.Length);
        var written = string.Join("\n", entries.Select(a => $"{a.Target} {a.Detail}"));
        foreach (var hidden in new[] { temporary, secret!, rotated!, "a temporary passphrase", AdminPassword })
        {
            Assert.DoesNotContain(hidden, written, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RecipeChangesToRolesWebhooksAndSettingsAreRecordedWhenSomethingChangesAndNeverWithTheSecret(string provider)
    {
        using var app = new TwinningApplication(provider, runRecipe: false);
        app.CreateClient();
        string Recipe(string timeZone, string events, string permissions = "\"ViewContent\"") => $$"""
            { "name": "site", "steps": [
              { "name": "Roles", "Roles": [ { "Name": "Translator", "Permissions": [ {{permissions}} ] } ] },
              { "name": "settings", "SiteName": "Gdańsk", "TimeZoneId": "{{timeZone}}" },
              { "name": "Webhooks", "Webhooks": [ { "Name": "Rebuild", "Url": "https://hooks.example/rebuild?token=t0ps3cret", "Secret": "a-webhook-secret-of-32-characters!", "Events": {{events}} } ] } ] }
            """;
        int count = 0;
        async Task<List<AuditEntryRecord>> NewEntriesAsync()
        {
            var all = await EntriesAsync(app);
            var added = all.Skip(count).ToList();
            count = all.Count;
            return added;
        }
        await NewEntriesAsync();

        Assert.True((await app.RunRecipeAsync(Recipe("Europe/Warsaw", """["published"]"""))).Succeeded);
        Assert.Equal(
            [
                (AuditActions.RoleCreated, "Translator"), (AuditActions.RolePermissionsChanged, "Translator"),
                (AuditActions.SiteSettingsChanged, "Site"), (AuditActions.WebhookSubscriptionCreated, "Rebuild"),
            ],
            (await NewEntriesAsync()).Select(a => (a.Action, a.Target)));
        // The same again changes nothing, and records nothing.
        Assert.True((await app.RunRecipeAsync(Recipe("Europe/Warsaw", """["published"]"""))).Succeeded);
        Assert.Empty(await NewEntriesAsync());

        Assert.True((await app.RunRecipeAsync(Recipe("Europe/Vilnius", """["published", "removed"]""", "\"ViewContent\", \"EditContent\""))).Succeeded);
        var changed = await NewEntriesAsync();
        Assert.Equal(["RolePermissionsChanged", "SiteSettingsChanged", "WebhookSubscriptionChanged"], changed.Select(a => a.Action));
        Assert.Equal("Granted: EditContent; withdrawn: none.", changed[0].Detail);
        Assert.Equal("Changed: TimeZoneId.", changed[1].Detail);
        Assert.Equal("From the recipe. Changed: Events.", changed[2].Detail);
        var written = string.Join("\n", (await EntriesAsync(app)).Select(a => a.Detail));
        Assert.DoesNotContain("t0ps3cret", written, StringComparison.Ordinal);
        Assert.DoesNotContain("a-webhook-secret", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInsFailuresAndLockoutsAreRecordedWithTheAddressOnlyAConfiguredProxyMayForward()
    {
        const string proxy = "192.0.2.10";
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Setup:AdminPassword"] = AdminPassword,
            ["Twinning:Accounts:MaxFailedAccessAttempts"] = "2",
            ["Twinning:Hosting:KnownProxies:0"] = proxy,
        });
        app.CreateClient();
        using var site = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress())));
        async Task SignInAsync(string userName, string password, string from, string forwardedFor)
        {
            var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            client.DefaultRequestHeaders.Add(RemoteAddress.PeerHeader, from);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            await client.SignInAsync(userName, password);
        }

        await SignInAsync("admin", AdminPassword, proxy, "203.0.113.5");
        await SignInAsync("nobody", "a guess at a password", "198.51.100.7", "203.0.113.6");
        await SignInAsync("admin", "a wrong password here", "198.51.100.8", "203.0.113.7");
        await SignInAsync("admin", "a wrong password again", "198.51.100.8", "203.0.113.7");
        await SignInAsync("admin", AdminPassword, "198.51.100.9", "203.0.113.8");

        var entries = await app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.UserName, a.Target, a.Address }).ToListAsync());
        Assert.Equal(
            [
                new { Action = AuditActions.SignedIn, UserName = (string?)"admin", Target = (string?)"admin", Address = (string?)"203.0.113.5" },
                new { Action = AuditActions.SignInFailed, UserName = (string?)null, Target = (string?)null, Address = (string?)"198.51.100.7" },
                new { Action = AuditActions.SignInFailed, UserName = (string?)"admin", Target = (string?)"admin", Address = (string?)"198.51.100.8" },
                new { Action = AuditActions.LockedOut, UserName = (string?)"admin", Target = (string?)"admin", Address = (string?)"198.51.100.8" },
                new { Action = AuditActions.SignInFailed, UserName = (string?)"admin", Target = (string?)"admin", Address = (string?)"198.51.100.9" },
            ],
            entries.Where(e => e.Action != AuditActions.UserCreated));
    }

    [Fact]
    public async Task EntriesOlderThanTheRetentionPeriodAreDeleted()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        app.CreateClient();
        var now = DateTime.UtcNow;
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TwinningDbContext>();
            db.AuditEntries.Add(new AuditEntryRecord { Utc = now.AddDays(-31), Action = "Old" });
            db.AuditEntries.Add(new AuditEntryRecord { Utc = now.AddDays(-29), Action = "Recent" });
            await db.SaveChangesAsync();
            return true;
        });

        var deleted = await app.InScopeAsync(s => AuditRetention.TrimAsync(s.GetRequiredService<TwinningDbContext>(), 30, now));

        Assert.Equal(1, deleted);
        var left = (await EntriesAsync(app)).Select(a => a.Action).ToList();
        Assert.Contains("Recent", left);
        Assert.DoesNotContain("Old", left);
        Assert.Equal(0, await app.InScopeAsync(s => AuditRetention.TrimAsync(s.GetRequiredService<TwinningDbContext>(), 0, now.AddYears(10))));
    }
}
