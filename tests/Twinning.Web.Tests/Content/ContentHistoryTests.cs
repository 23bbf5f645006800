using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Content;

/// <summary>Every save is kept in the item's history, and a kept version comes back as a new draft through
/// <see cref="ContentEditor.RestoreAsync"/>, on SQLite and PostgreSQL.</summary>
public sealed class ContentHistoryTests
{
    private static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "admin-id"), new Claim(ClaimTypes.Name, "anna"), new Claim(ClaimTypes.Role, "Administrator")], "Test"));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EverySaveIsKeptWithItsNoteAndARestoredVersionBecomesANewDraftBesideTheOne(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var first = (await app.SaveAsync(Articles.New("Forum 2017"))).Item!;
        var id = first.ContentItemId;
        var draft = first.Clone();
        draft.GetOrCreatePart("TitlePart")["Title"] = "Forum 2017 (draft one)";
        draft = (await SaveAsync(app, draft, "pierwsza poprawka")).Item!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "Forum 2017 (draft two)";
        draft = (await SaveAsync(app, draft, null)).Item!;

        // A draft saved over a draft keeps its version id, as in Orchard Core; the history keeps both saves.
        var revisions = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetRevisionsAsync(id));
        Assert.Equal(3, revisions.Count);
        Assert.Equal([true, false, false], revisions.Select(r => r.Published));
        Assert.Equal([null, "pierwsza poprawka", null], revisions.Select(r => r.Note));
        Assert.Equal(revisions[1].ContentItemVersionId, revisions[2].ContentItemVersionId);
        var kept = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetRevisionAsync(id, revisions[1].Id));
        Assert.Equal("Forum 2017 (draft one)", kept!.DisplayText);

        // A restore based on an older tag than the latest version's is refused and changes nothing.
        var stale = await RestoreAsync(app, id, revisions[1].Id, ExpectedVersion.TagOf(first));
        Assert.Equal(ContentEditStatus.Stale, stale.Status);
        Assert.Equal("Forum 2017 (draft two)", (await app.GetAsync(id, VersionOptions.Latest))!.DisplayText);

        var restored = await RestoreAsync(app, id, revisions[1].Id, ExpectedVersion.TagOf(draft));
        Assert.Equal(ContentEditStatus.Done, restored.Status);
        Assert.Equal("Forum 2017 (draft one)", restored.Item!.DisplayText);
        Assert.False(restored.Item.Published);
        Assert.NotEqual(draft.ContentItemVersionId, restored.Item.ContentItemVersionId);
        Assert.Equal("anna", restored.Item.Author);
        // The replaced draft stays a version of its own; the published one stays live.
        var versions = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetVersionsAsync(id));
        Assert.Equal(["Forum 2017", "Forum 2017 (draft two)", "Forum 2017 (draft one)"], versions.Select(v => v.DisplayText));
        Assert.Equal([false, false, true], versions.Select(v => v.Latest));
        Assert.Equal("Forum 2017", (await app.GetAsync(id, VersionOptions.Published))!.DisplayText);
        Assert.Equal(4, (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetRevisionsAsync(id))).Count);
    }

    private static Task<ContentSaveResult> SaveAsync(TwinningApplication app, ContentItem item, string? note)
        => app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(item, publish: false, "tester", note: note));

    private static Task<ContentEditResult> RestoreAsync(TwinningApplication app, string id, long revision, string tag)
        => app.InScopeAsync(s => s.GetRequiredService<ContentEditor>().RestoreAsync(Administrator, id, revision, new ExpectedVersion([tag])));
}
