using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The field editors the sample site's types do not use, given to a type a recipe adds: each is drawn from the
/// definition alone, and what an editor types into it is stored as Orchard Core stores it and shown again.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class FieldEditorsTests(Chromium chromium)
{
    /// <summary>A notice with a field of each of those kinds; the taxonomy field names the sample "Obszary współpracy".</summary>
    private static string Notices(string taxonomyId) => $$"""
    {
      "name": "notices",
      "steps": [
        { "name": "ContentDefinition",
          "ContentTypes": [
            { "Name": "Notice", "DisplayName": "Notice",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} },
                { "PartName": "Notice", "Name": "Notice", "Settings": {} } ] }
          ],
          "ContentParts": [
            { "Name": "Notice", "ContentPartFieldDefinitionRecords": [
              { "FieldName": "TextField", "Name": "Summary", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Summary", "Editor": "TextArea" } } },
              { "FieldName": "LinkField", "Name": "More", "Settings": { "ContentPartFieldSettings": { "DisplayName": "More" } } },
              { "FieldName": "DateField", "Name": "Day", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Day" } } },
              { "FieldName": "MultiTextField", "Name": "Channels", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Channels" },
                "MultiTextFieldSettings": { "Options": [ { "Name": "Website", "Value": "web" }, { "Name": "Radio", "Value": "radio" } ] } } },
              { "FieldName": "MultiTextField", "Name": "Keywords", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Keywords" } } },
              { "FieldName": "TaxonomyField", "Name": "Area", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Area" },
                "TaxonomyFieldSettings": { "TaxonomyContentItemId": "{{taxonomyId}}", "Unique": true } } },
              { "FieldName": "MarkdownField", "Name": "Notes", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Notes" } } },
              { "FieldName": "GeoPointField", "Name": "Place", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Place" } } },
              { "FieldName": "TimeField", "Name": "Opens", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Opens" } } }
            ] }
          ] }
      ]
    }
    """;

    [Fact]
    public async Task EachKindOfFieldIsEditedStoredAndShownAgain()
    {
        using var app = EditorPages.NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var taxonomy = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Taxonomy", VersionOptions.Latest)))
            .Single(t => t.DisplayText == "Obszary współpracy");
        var economy = taxonomy.Part("TaxonomyPart")!["Terms"]!.AsArray().Select(t => t!.AsObject())
            .Single(t => t["DisplayText"]!.GetValue<string>() == "Gospodarka")["ContentItemId"]!.GetValue<string>();
        Assert.True((await app.RunRecipeAsync(Notices(taxonomy.ContentItemId))).Succeeded);
        var page = browser.Page;
        await browser.SignInAsync("admin", EditorPages.Password, "/admin/content/new/Notice");
        ILocator Input(string name) => page.Locator($"[name='Notice.{name}']");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Ogłoszenie o forum");
        await Input("Summary.Text").FillAsync("Pierwsza linia\nDruga linia");
        await Input("More.Url").FillAsync("https://www.gdansk.pl/fora");
        await Input("More.Text").FillAsync("Fora miast partnerskich");
        await Input("Day.Value").FillAsync("2027-05-04");
        await page.GetByLabel("Radio", new() { Exact = true }).CheckAsync();
        await Input("Keywords.Values").FillAsync("most\nrzeka");
        await Input("Area.TermContentItemIds").SelectOptionAsync(new SelectOptionValue { Label = "Gospodarka" });
        await Input("Notes.Markdown").FillAsync("**Ważne:** zapisy do 1 maja.");
        await Input("Place.Latitude").FillAsync("54.352");
        await Input("Place.Longitude").FillAsync("18.6466");
        await Input("Opens.Value").FillAsync("09:30");
        // A time is read in the site's time zone, which stands beside it.
        await Assertions.Expect(page.Locator("#" + await Input("Opens.Value").GetAttributeAsync("id") + "-zone")).ToHaveTextAsync("Time zone: Europe/Warsaw");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");

        var id = System.Text.RegularExpressions.Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;
        var notice = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id)))!.Part("Notice")!;
        Assert.Equal("Pierwsza linia\nDruga linia", notice["Summary"]!["Text"]!.GetValue<string>().ReplaceLineEndings("\n"));
        Assert.Equal("https://www.gdansk.pl/fora", notice["More"]!["Url"]!.GetValue<string>());
        Assert.Equal("Fora miast partnerskich", notice["More"]!["Text"]!.GetValue<string>());
        Assert.StartsWith("2027-05-04", notice["Day"]!["Value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["radio"], Texts(notice["Channels"]!["Values"]));
        Assert.Equal(["most", "rzeka"], Texts(notice["Keywords"]!["Values"]));
        Assert.Equal([economy], Texts(notice["Area"]!["TermContentItemIds"]));
        Assert.Equal(taxonomy.ContentItemId, notice["Area"]!["TaxonomyContentItemId"]!.GetValue<string>());
        Assert.Equal("**Ważne:** zapisy do 1 maja.", notice["Notes"]!["Markdown"]!.GetValue<string>());
        Assert.Equal(54.352m, notice["Place"]!["Latitude"]!.GetValue<decimal>());
        Assert.Equal(18.6466m, notice["Place"]!["Longitude"]!.GetValue<decimal>());
        Assert.StartsWith("09:30", notice["Opens"]!["Value"]!.GetValue<string>(), StringComparison.Ordinal);

        // Opened again, the editor shows what was stored.
        await page.GotoAsync("/admin/content/edit/" + id);
        await Assertions.Expect(Input("Summary.Text")).ToHaveValueAsync("Pierwsza linia\nDruga linia");
        await Assertions.Expect(Input("More.Url")).ToHaveValueAsync("https://www.gdansk.pl/fora");
        await Assertions.Expect(Input("Day.Value")).ToHaveValueAsync("2027-05-04");
        await Assertions.Expect(page.GetByLabel("Radio", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Website", new() { Exact = true })).Not.ToBeCheckedAsync();
        await Assertions.Expect(Input("Keywords.Values")).ToHaveValueAsync("most\nrzeka");
        await Assertions.Expect(Input("Area.TermContentItemIds")).ToHaveValueAsync(economy);
        await Assertions.Expect(Input("Notes.Markdown")).ToHaveValueAsync("**Ważne:** zapisy do 1 maja.");
        await Assertions.Expect(Input("Place.Latitude")).ToHaveValueAsync("54.352");
        await Assertions.Expect(Input("Opens.Value")).ToHaveValueAsync("09:30");
    }

    private static List<string> Texts(JsonNode? values) => [.. values!.AsArray().Select(v => v!.GetValue<string>())];
}
