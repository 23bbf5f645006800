using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.ContentFields.MediaField;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Tests.ContentFields;

/// <summary>The alternative texts offered for reuse (ATAG B.2.3.3), over an in-memory SQLite database holding the
/// versions and media references a save writes.</summary>
public sealed class MediaAltSuggestionsTests : IDisposable
{
    private const string Photo = "gallery/ratusz.jpg";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly TwinningDbContext _db;

    public MediaAltSuggestionsTests()
    {
        _connection.Open();
        _db = new TwinningDbContext(new DbContextOptionsBuilder<TwinningDbContext>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    /// <summary>A latest version whose gallery (in a nested item, as a bag holds it) shows the files with these texts.</summary>
    private void Add(string id, string title, string? culture, DateTime modified, params (string Path, string Text, bool Decorative)[] files)
    {
        var field = new JsonObject
        {
            ["Paths"] = new JsonArray([.. files.Select(f => (JsonNode)f.Path)]),
            ["MediaTexts"] = new JsonArray([.. files.Select(f => (JsonNode)f.Text)]),
            ["Decorative"] = new JsonArray([.. files.Select(f => (JsonNode)f.Decorative)]),
        };
        var content = new JsonObject
        {
            ["ContentItemId"] = id,
            ["Gallery"] = new JsonObject { ["Photos"] = field },
            ["BagPart"] = new JsonObject { ["ContentItems"] = new JsonArray(new JsonObject { ["Slide"] = new JsonObject { ["Image"] = field.DeepClone() } }) },
        };
        _db.ContentItemVersions.Add(new ContentItemVersionRecord
        {
            ContentItemId = id,
            ContentItemVersionId = id + "v",
            ContentType = "Gallery",
            DisplayText = title,
            Latest = true,
            Culture = culture,
            ModifiedUtc = modified,
            Content = content.ToJsonString(),
            MediaReferences = [.. files.Select(f => new ContentMediaReferenceRecord { FieldPath = "Gallery.Photos", MediaPath = f.Path })],
        });
        _db.SaveChanges();
    }

    [Fact]
    public async Task TheTextsOtherItemsGaveTheFileAreOfferedMostUsedFirst()
    {
        var day = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        Add("forum", "Forum 2026", "pl-PL", day, (Photo, "Ratusz w Gdańsku nocą", false));
        Add("visit", "Wizyta studyjna", "pl-PL", day.AddDays(1), (Photo, "Ratusz nocą", false), ("gallery/other.jpg", "Inne", false));
        Add("panel", "Panel", "pl-PL", day.AddDays(2), (Photo, "Ratusz w Gdańsku nocą", false));
        Add("ornament", "Ozdoba", "pl-PL", day.AddDays(3), (Photo, "Szlaczek", true));
        Add("empty", "Bez opisu", "pl-PL", day.AddDays(4), (Photo, "  ", false));
        Add("english", "Forum in English", "en-GB", day.AddDays(5), (Photo, "Gdańsk town hall at night", false));
        Add("asking", "Nowa galeria", "pl-PL", day.AddDays(6), (Photo, "Własny opis", false));

        var suggestions = await new MediaAltSuggestions(_db).ForAsync(Photo, "pl-PL", "asking");

        Assert.Equal(
            [new AltSuggestion("Ratusz w Gdańsku nocą", 2, "Panel"), new AltSuggestion("Ratusz nocą", 1, "Wizyta studyjna")],
            suggestions);

        // An item without a culture may be in any language: all three texts, at most three.
        var anyLanguage = await new MediaAltSuggestions(_db).ForAsync(Photo, null, "asking");
        Assert.Equal(["Ratusz w Gdańsku nocą", "Gdańsk town hall at night", "Ratusz nocą"], anyLanguage.Select(s => s.Text));
        Assert.Empty(await new MediaAltSuggestions(_db).ForAsync("gallery/unused.jpg", "pl-PL", "asking"));
    }

    /// <summary>A file used by more items than are read gives the texts of the most recently changed ones: the reading
    /// is bounded, whatever the number of items that show the file.</summary>
    [Fact]
    public async Task OnlyTheMostRecentlyChangedVersionsOfAWidelyUsedFileAreRead()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Add("oldest", "Najstarsza", null, start, (Photo, "Tekst sprzed lat", false));
        for (var i = 1; i <= MediaAltSuggestions.MaxVersionsRead; i++)
        {
            Add("item" + i, "Galeria " + i, null, start.AddDays(i), (Photo, "Ratusz", false));
        }

        var suggestions = await new MediaAltSuggestions(_db).ForAsync(Photo, null, "asking");

        var only = Assert.Single(suggestions);
        Assert.Equal("Ratusz", only.Text);
        Assert.Equal(MediaAltSuggestions.MaxVersionsRead, only.Uses);
    }
}
