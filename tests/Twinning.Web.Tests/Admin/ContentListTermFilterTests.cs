using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The content list's term filter is kept between requests (TermFilterChoices) and follows every change of a
/// taxonomy at once: a term added or renamed is offered on the next list, as the editor expects after saving it.</summary>
public sealed class ContentListTermFilterTests
{
    private const string Password = "a long passphrase for tests";

    [Fact]
    public async Task ATermAddedOrRenamedInATaxonomyIsOfferedByTheNextList()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", Password)).StatusCode);

        var before = await browser.GetStringAsync("/admin/content");
        Assert.Contains(">Gospodarka</option>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Turystyka rowerowa", before, StringComparison.Ordinal);

        await app.InScopeAsync(async s =>
        {
            var items = s.GetRequiredService<ContentStore>();
            var taxonomy = (await items.ListAsync("Taxonomy", VersionOptions.Latest)).Single(t => t.DisplayText == "Obszary współpracy");
            var terms = taxonomy.Part("TaxonomyPart")!["Terms"]!.AsArray();
            var first = terms[0]!.AsObject();
            first["DisplayText"] = "Gospodarka lokalna";
            first["TitlePart"]!["Title"] = "Gospodarka lokalna";
            var added = first.DeepClone().AsObject();
            added["ContentItemId"] = "4bikeareatourism00000000000";
            added["DisplayText"] = "Turystyka rowerowa";
            added["TitlePart"]!["Title"] = "Turystyka rowerowa";
            terms.Add(added);
            var saved = await s.GetRequiredService<ContentManager>().SaveAsync(taxonomy, publish: true, "tester");
            Assert.Empty(saved.Errors);
            return true;
        });

        var after = await browser.GetStringAsync("/admin/content");
        Assert.Contains(">Turystyka rowerowa</option>", after, StringComparison.Ordinal);
        Assert.Contains(">Gospodarka lokalna</option>", after, StringComparison.Ordinal);
        Assert.DoesNotContain(">Gospodarka</option>", after, StringComparison.Ordinal);
    }
}
