using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Content;

/// <summary>Drafts, publishing, unpublishing, removal and version history behave as in Orchard Core.</summary>
public sealed class VersioningTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADraftStaysOffTheSiteUntilPublished(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var client = app.CreateClient();

        var saved = await app.SaveAsync(Articles.New("Wizyta w Połocku"), publish: false);
        Assert.True(saved.Succeeded);
        var id = saved.Item!.ContentItemId;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/content/{id}")).StatusCode);
        Assert.False(saved.Item.Published);
        Assert.True(saved.Item.Latest);

        var published = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(id, "tester"));
        Assert.True(published!.Published);
        Assert.NotNull(published.PublishedUtc);
        var served = await client.GetFromJsonAsync<JsonObject>($"/api/content/{id}");
        Assert.Equal("Wizyta w Połocku", served!["DisplayText"]!.GetValue<string>());
        Assert.Equal("wizyta-w-polocku", served["AutoroutePart"]!["Path"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EditingAPublishedItemMakesADraftAndKeepsThePublishedVersionLive(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var client = app.CreateClient();
        var first = (await app.SaveAsync(Articles.New("Forum 2017"))).Item!;

        var edit = first.Clone();
        edit.GetOrCreatePart("TitlePart")["Title"] = "Forum 2017 (updated)";
        var draft = (await app.SaveAsync(edit, publish: false)).Item!;

        Assert.NotEqual(first.ContentItemVersionId, draft.ContentItemVersionId);
        Assert.Equal("Forum 2017", (await client.GetFromJsonAsync<JsonObject>($"/api/content/{first.ContentItemId}"))!["DisplayText"]!.GetValue<string>());
        Assert.Equal("Forum 2017 (updated)", (await app.GetAsync(first.ContentItemId, VersionOptions.Latest))!.DisplayText);

        // A second draft edit changes the same draft version.
        draft.GetOrCreatePart("TitlePart")["Title"] = "Forum 2017 (final)";
        var again = (await app.SaveAsync(draft, publish: false)).Item!;
        Assert.Equal(draft.ContentItemVersionId, again.ContentItemVersionId);

        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(first.ContentItemId, "tester"));
        Assert.Equal("Forum 2017 (final)", (await client.GetFromJsonAsync<JsonObject>($"/api/content/{first.ContentItemId}"))!["DisplayText"]!.GetValue<string>());

        var versions = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetVersionsAsync(first.ContentItemId));
        Assert.Equal(2, versions.Count);
        Assert.Equal([false, true], versions.Select(v => v.Published));
        Assert.Equal([false, true], versions.Select(v => v.Latest));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UnpublishingKeepsTheDraftAndRemovingKeepsTheHistory(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var client = app.CreateClient();
        var item = (await app.SaveAsync(Articles.New("Dni Miasta"))).Item!;

        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(item.ContentItemId, "tester"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/content/{item.ContentItemId}")).StatusCode);
        var latest = await app.GetAsync(item.ContentItemId, VersionOptions.Latest);
        Assert.NotNull(latest);
        Assert.False(latest.Published);

        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(item.ContentItemId, "tester"));
        Assert.Null(await app.GetAsync(item.ContentItemId, VersionOptions.Latest));
        var versions = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetVersionsAsync(item.ContentItemId));
        Assert.Single(versions);
        Assert.False(versions[0].Latest || versions[0].Published);

        var audit = await app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().AuditEntries
            .Where(a => a.ContentItemId == item.ContentItemId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "Published", "Unpublished", "Removed"], audit);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheDatabaseRefusesASecondPublishedVersionOfAnItem(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var item = (await app.SaveAsync(Articles.New("Jedna wersja"))).Item!;

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TwinningDbContext>();
            db.ContentItemVersions.Add(new ContentItemVersionRecord
            {
                ContentItemId = item.ContentItemId,
                ContentItemVersionId = IdGenerator.New(),
                ContentType = "Article",
                Published = true,
                Content = "{}",
            });
            return await db.SaveChangesAsync();
        }));
        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GeneratedSlugsStayUniqueAndAnEditorsDuplicateIsRefused(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var first = (await app.SaveAsync(Articles.New("Białystok"))).Item!;
        var second = (await app.SaveAsync(Articles.New("Białystok"))).Item!;
        Assert.Equal("bialystok", first.Text("AutoroutePart.Path"));
        Assert.Equal("bialystok-2", second.Text("AutoroutePart.Path"));

        var duplicate = Articles.New("Inny tytuł");
        duplicate.GetOrCreatePart("AutoroutePart")["Path"] = "bialystok";
        var result = await app.SaveAsync(duplicate);
        var error = Assert.Single(result.Errors);
        Assert.Equal("AutoroutePart.Path", error.Field);
        Assert.Contains("already used", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A recipe writes all its items in one transaction through one context: each write lets go of what it
    /// saved, so the thousandth save does not compare every entity saved before it (the import benchmark's cost per item
    /// grew with the number of items), while what the caller itself holds stays tracked and its changes are saved.</summary>
    [Fact]
    public async Task SavesInOneTransactionLetGoOfWhatTheySavedAndKeepWhatTheCallerHolds()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var tracked = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TwinningDbContext>();
            var contents = s.GetRequiredService<ContentManager>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
            admin.Email = "redakcja@example.pl";
            for (var i = 0; i < 30; i++)
            {
                Assert.True((await contents.SaveAsync(Articles.New($"Artykuł {i}"), publish: i % 2 == 0, "tester")).Succeeded);
            }
            var entities = db.ChangeTracker.Entries().Select(e => e.Entity).ToList();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return entities;
        });

        Assert.Equal("admin", Assert.IsType<UserRecord>(Assert.Single(tracked)).UserName);
        Assert.Equal("redakcja@example.pl", await app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().Users.Where(u => u.UserName == "admin").Select(u => u.Email).SingleAsync()));
        var titles = await app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync("Article", VersionOptions.Latest)).Select(a => a.DisplayText).ToList());
        Assert.Equal(30, titles.Count(t => t!.StartsWith("Artykuł ", StringComparison.Ordinal)));
    }
}
