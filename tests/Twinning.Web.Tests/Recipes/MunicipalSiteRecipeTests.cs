using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Recipes;
using Twinning.Module.Features.Site;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Recipes;

/// <summary>The shipped recipe provisions the municipal site, and every fact of the two articles reads back.</summary>
public sealed class MunicipalSiteRecipeTests(MunicipalSite municipalSite) : IClassFixture<MunicipalSite>
{
    [Fact]
    public void TheRecipeEnablesOnlyFeaturesOfOrchardCoreThatTwinningHas()
    {
        // The ids an Orchard Core site would enable, each one Twinning has; 'Twinning' is the id of its Orchard Core module.
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "twinning-municipal-site.recipe.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var features = recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "feature")!;
        var enabled = features["enable"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();

        Assert.Contains(OrchardFeatures.Twinning, enabled);
        Assert.All(enabled, id => Assert.Contains(id, OrchardFeatures.Provided));
        Assert.Null(features["disable"]);
    }

    // NodaTime's own time zone data, so the test does not depend on the machine's tzdata.
    private static readonly NodaTime.DateTimeZone Warsaw = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Warsaw"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GdanskForumHasItsDateVenuePanelsAndOrganisers(string provider)
    {
        var app = municipalSite.App(provider);
        var client = app.CreateClient();

        var summary = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        var forum = ContentItemJsonConverter.FromJson((await client.GetFromJsonAsync<JsonObject>($"/api/content/{summary.ContentItemId}"))!);

        Assert.Equal("Dyplomacja miast", forum.Text("Forum.Subtitle.Text"));
        Assert.Equal(new DateTime(2017, 4, 27), LocalDate(forum, "Forum.StartDate.Value"));
        Assert.Equal(DayOfWeek.Thursday, LocalDate(forum, "Forum.StartDate.Value").DayOfWeek);
        Assert.Equal("siedziba Rady Miasta Gdańska", forum.Text("Forum.Venue.Text"));
        var project = await app.GetAsync(forum.Ids("Forum.Project").Single());
        Assert.Equal("Dyplomacja miast", project!.DisplayText);

        var panels = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListChildrenAsync(forum.ContentItemId));
        Assert.Equal(["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych"],
            panels.Select(p => p.DisplayText));

        var roles = await RolesAsync(app, forum);
        Assert.Equal(["Gdański Obszar Metropolitalny", "Prezydent Miasta Gdańska"], roles["organizer"].Order());
        Assert.Equal(["Konsulat Generalny Republiki Białorusi w Gdańsku", "Stowarzyszenie Współpracy POLSKA-WSCHÓD"], roles["partner"].Order());

        var places = forum.Bag("Participants").Select(p => (Name: p.Text("ParticipatingPlace.PlaceName.Text"), Country: p.Text("ParticipatingPlace.Country.Text"))).ToList();
        Assert.Equal(7, places.Count(p => p.Country == "BY"));
        Assert.Equal(10, places.Count(p => p.Country == "PL"));
        foreach (var town in new[] { "Połock", "Nowopołock", "Brześć", "Gdańsk", "Sopot", "Gdynia", "Tczew", "Lębork", "Gniewino", "Kosakowo", "Krokowa", "Szemud" })
        {
            Assert.Contains(places, p => p.Name!.Contains(town, StringComparison.Ordinal));
        }

        var visits = await app.GetAsync(forum.Ids("Forum.SideEvents").Single());
        Assert.Equal(new DateTime(2017, 4, 28), LocalDate(visits!, "Forum.StartDate.Value"));
        Assert.Equal("bilateral-visit", visits!.Text("Forum.EventType.Text"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BialystokConferenceHasPatronsProjectGalleryMaterialsAndContacts(string provider)
    {
        var app = municipalSite.App(provider);
        var client = app.CreateClient();

        var conference = await app.SingleAsync("Forum", "Wielojęzyczny świat – wspólny język partnerstwa");
        Assert.Equal(new DateTime(2013, 9, 27), LocalDate(conference, "Forum.StartDate.Value"));
        Assert.Contains("Podlaskiego Urzędu Wojewódzkiego", conference.Text("Forum.Venue.Text") + conference.Text("Forum.VenueAddress.Text"), StringComparison.OrdinalIgnoreCase);

        var roles = await RolesAsync(app, conference);
        Assert.Equal(["Towarzystwo Amicus"], roles["organizer"]);
        Assert.Equal(["Wojewoda Podlaski"], roles["honorary-patron"]);
        Assert.Equal(["Gazeta Wyborcza", "Polskie Radio Białystok"], roles["media-patron"].Order());
        Assert.Contains("Maciej Żywno", conference.Bag("Organizations").Select(r => r.Text("OrganizationRole.Note.Text")));

        var project = (await app.GetAsync(conference.Ids("Forum.Project").Single()))!;
        Assert.Equal("Twinning- winning. W partnerstwie osiągamy sukces", project.DisplayText);
        Assert.Equal("Ministerstwo Spraw Zagranicznych", (await app.GetAsync(project.Ids("Project.Funder").Single()))!.DisplayText);

        var gallery = (await app.GetAsync(conference.Ids("Forum.Galleries").Single()))!;
        var photos = gallery.Bag("Photos");
        Assert.Equal(["1", "2", "3", "4", "5", "IMG 3855", "IMG 3856", "IMG 3858", "IMG 3859", "IMG 3902", "IMG 3914"],
            photos.Select(p => p.Text("GalleryPhoto.Caption.Text")));
        Assert.All(photos, p =>
        {
            Assert.True(p.Node("GalleryPhoto.SampleImage.Value")!.GetValue<bool>());
            Assert.False(string.IsNullOrWhiteSpace(p.Node("GalleryPhoto.Image.MediaTexts")![0]!.GetValue<string>()));
        });

        var documents = await Task.WhenAll(conference.Ids("Forum.Documents").Select(id => app.GetAsync(id)));
        Assert.Equal(4, documents.Length);
        Assert.Contains(documents, d => d!.DisplayText == "Fundacja im. Anny Lindh");
        Assert.Contains(documents, d => d!.DisplayText == "Przedstawicielstwo Miasta Gołdap");
        foreach (var document in documents)
        {
            var file = await client.GetAsync("/media/" + document!.Node("Document.File.Paths")![0]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        }

        var contacts = (await Task.WhenAll(conference.Ids("Forum.ContactPoints").Select(id => app.GetAsync(id)))).Select(c => c!).ToList();
        Assert.Equal(
            [("Ośrodek Pomocy Białystok", "+48697697205"), ("Punkt Lokalny w Sokółce", "+48667684321"), ("Punkt Lokalny w Bielsku Podlaskim", "+48693202220")],
            contacts.Select(c => (c.DisplayText, c.Bag("Phones").Single().Text("PhoneNumber.Number.Text"))));
        Assert.Equal(
            ["Monday 13:00:00-20:00:00", "Tuesday 08:00:00-15:00:00", "Wednesday 08:00:00-15:00:00", "Thursday 08:00:00-15:00:00", "Friday 08:00:00-15:00:00", "Saturday 09:00:00-14:00:00"],
            Hours(contacts[0]));
        Assert.Equal(["Wednesday 15:00:00-20:00:00", "Thursday 15:00:00-20:00:00"], Hours(contacts[1]));
        Assert.Equal(["Monday 15:00:00-20:00:00", "Tuesday 15:00:00-20:00:00"], Hours(contacts[2]));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PartnerCitiesSince2008AreLinkedToTheForumAndTranslated(string provider)
    {
        var app = municipalSite.App(provider);
        app.CreateClient();

        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        var cities = (await Task.WhenAll(forum.Ids("Forum.PartnerCities").Select(id => app.GetAsync(id)))).Select(c => c!).ToList();
        Assert.Equal(["Nowopołock", "Połock"], cities.Select(c => c.DisplayText).Order());
        Assert.All(cities, city =>
        {
            Assert.Equal("BY", city.Text("PartnerCity.Country.Text"));
            Assert.StartsWith("2008", city.Text("PartnerCity.PartnershipSince.Value"), StringComparison.Ordinal);
            Assert.Equal("active", city.Bag("StatusHistory").Single().Text("PartnershipStatusChange.Status.Text"));
        });

        // Reverse lookup: the forums a partner city took part in.
        var polotsk = cities.Single(c => c.DisplayText == "Połock");
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListReferencingAsync(polotsk.ContentItemId, "Forum"));
        Assert.Contains(forums, f => f.ContentItemId == forum.ContentItemId);

        // English translation in the same localization set.
        var english = (await app.ListAsync("PartnerCity", "en-GB")).Single(c => c.Text("LocalizationPart.LocalizationSet") == polotsk.Text("LocalizationPart.LocalizationSet"));
        Assert.Equal("Polotsk", english.DisplayText);
        var englishForum = (await app.ListAsync("Forum", "en-GB")).Single(f => f.Text("LocalizationPart.LocalizationSet") == forum.Text("LocalizationPart.LocalizationSet"));
        Assert.Equal("Polish-Belarusian Forum of Partner Cities", englishForum.DisplayText);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SiteSettingsRolesAndMediaAreProvisioned(string provider)
    {
        var app = municipalSite.App(provider);
        var client = app.CreateClient();

        var site = await app.InScopeAsync(s => s.GetRequiredService<SiteService>().GetAsync());
        Assert.Equal("Europe/Warsaw", site.TimeZoneId);
        Assert.Equal("pl-PL", site.LocalizationSettings.DefaultCulture);
        Assert.Contains("en-GB", site.LocalizationSettings.SupportedCultures);

        var photo = await client.GetAsync("/media/gallery/bialystok-2013/img-3855.jpg");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], bytes[..2]);

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static DateTime LocalDate(ContentItem item, string path)
        => NodaTime.Instant.FromDateTimeUtc(DateTime.Parse(item.Text(path)!, null, System.Globalization.DateTimeStyles.AdjustToUniversal))
            .InZone(Warsaw).Date.ToDateTimeUnspecified();

    private static List<string> Hours(ContentItem contact)
        => contact.Bag("OpeningHours").Select(h =>
            $"{h.Text("OpeningHoursSpecification.DayOfWeek.Text")} {h.Text("OpeningHoursSpecification.Opens.Value")}-{h.Text("OpeningHoursSpecification.Closes.Value")}").ToList();

    /// <summary>Organisation names by their role on this event.</summary>
    private static async Task<Dictionary<string, List<string>>> RolesAsync(TwinningApplication app, ContentItem forum)
    {
        var roles = new Dictionary<string, List<string>>();
        foreach (var link in forum.Bag("Organizations"))
        {
            var organisation = await app.GetAsync(link.Ids("OrganizationRole.Organization").Single());
            var role = link.Text("OrganizationRole.Role.Text")!;
            roles.TryAdd(role, []);
            roles[role].Add(organisation!.DisplayText!);
        }
        return roles;
    }
}
