using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Storage;
using Twinning.Core.Content;

namespace Twinning.Module.Tests.Queries;

/// <summary>The query behind the REST list and GraphQL, over an in-memory SQLite database holding a few forum
/// versions: which versions a status and culture select, field-value filters, order, paging and its limits.</summary>
public sealed class ContentQueryTests : IDisposable
{
    private static readonly FieldReference EventType = new("Forum", "EventType", FieldValueKind.Text);
    private static readonly FieldReference StartDate = new("Forum", "StartDate", FieldValueKind.Date);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly TwinningDbContext _db;
    private readonly ContentQuery _query;

    public ContentQueryTests()
    {
        _connection.Open();
        _db = new TwinningDbContext(new DbContextOptionsBuilder<TwinningDbContext>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
        var options = Options.Create(new QueryOptions { DefaultPageSize = 5, MaxPageSize = 5 });
        var services = new ServiceCollection().BuildServiceProvider();
        var changes = new SiteChangeToken(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new SiteChangeOptions()), TimeProvider.System);
        _query = new ContentQuery(_db, new ContentItemCache(options), new ContentCountCache(changes), options);

        Add("4alpha00000000000000000000", "Alpha forum", "pl-PL", published: true, "forum", new DateTime(2017, 4, 26, 22, 0, 0, DateTimeKind.Utc));
        Add("4beta000000000000000000000", "Beta conference", "pl-PL", published: true, "conference", new DateTime(2013, 9, 26, 22, 0, 0, DateTimeKind.Utc));
        Add("4gamma00000000000000000000", "Gamma visit", "en-GB", published: true, "bilateral-visit", new DateTime(2017, 4, 27, 22, 0, 0, DateTimeKind.Utc));
        Add("4delta00000000000000000000", "Delta draft", "pl-PL", published: false, "forum", new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        _db.SaveChanges();
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    /// <summary>One version of a Forum (a published one is also the latest; an unpublished one a draft) with the index
    /// rows a save writes for its culture and its EventType and StartDate fields.</summary>
    private void Add(string id, string title, string culture, bool published, string eventType, DateTime start)
    {
        var item = new ContentItem { ContentItemId = id, ContentItemVersionId = id.Replace('0', 'v'), ContentType = "Forum", DisplayText = title, Published = published, Latest = true };
        var version = new ContentItemVersionRecord
        {
            ContentItemId = id,
            ContentItemVersionId = item.ContentItemVersionId,
            ContentType = "Forum",
            DisplayText = title,
            Published = published,
            Latest = true,
            Culture = culture,
            Content = ContentItemJsonConverter.ToJson(item).ToJsonString(),
        };
        _db.ContentItemVersions.Add(version);
        _db.SaveChanges();
        _db.Set<ContentFieldValueRecord>().AddRange(
            new ContentFieldValueRecord { ContentItemVersionRecordId = version.Id, ContentType = "Forum", PartName = "Forum", FieldName = "EventType", TextValue = eventType },
            new ContentFieldValueRecord { ContentItemVersionRecordId = version.Id, ContentType = "Forum", PartName = "Forum", FieldName = "StartDate", DateValue = start });
    }

    private async Task<List<string>> TitlesAsync(ContentQuerySpec spec)
        => (await _query.ListAsync(spec)).Select(i => i.DisplayText ?? "").ToList();

    private static ContentQuerySpec Forums(ContentFilter? filter = null, string? culture = null, PublicationStatus status = PublicationStatus.Published)
    {
        var spec = new ContentQuerySpec { ContentType = "Forum", Culture = culture, Filter = filter, Status = status };
        spec.Order.Add(ContentOrder.By(ContentColumn.DisplayText));
        return spec;
    }

    [Fact]
    public async Task AStatusAndACultureSelectTheVersionsInTheRequestedOrder()
    {
        Assert.Equal(["Alpha forum", "Beta conference"], await TitlesAsync(Forums(culture: "pl-PL")));
        Assert.Equal(["Alpha forum", "Beta conference", "Delta draft"], await TitlesAsync(Forums(culture: "pl-PL", status: PublicationStatus.Latest)));
        Assert.Equal(["Delta draft"], await TitlesAsync(Forums(status: PublicationStatus.Draft)));
        Assert.Equal(["Gamma visit"], await TitlesAsync(Forums(culture: "en-GB")));
        Assert.Empty(await TitlesAsync(new ContentQuerySpec { ContentType = "PartnerCity" }));
    }

    [Fact]
    public async Task FieldValuesFilterOrderAndCount()
    {
        var byStart = Forums();
        byStart.Order.Clear();
        byStart.Order.Add(ContentOrder.By(StartDate, descending: true));

        Assert.Equal(["Beta conference"], await TitlesAsync(Forums(new FieldFilter(EventType, FilterOperator.Eq, "conference"))));
        Assert.Equal(["Alpha forum", "Gamma visit"], await TitlesAsync(Forums(new FieldFilter(StartDate, FilterOperator.Gt, new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc)))));
        Assert.Equal(["Gamma visit", "Alpha forum", "Beta conference"], await TitlesAsync(byStart));
        Assert.Equal(2, await _query.CountAsync(Forums(new FieldFilter(EventType, FilterOperator.In, new List<string> { "forum", "bilateral-visit" }))));
    }

    [Fact]
    public async Task ConditionsCombineWithAndOrNot()
    {
        var alpha = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.StartsWith, "Alpha");
        var conference = new FieldFilter(EventType, FilterOperator.Eq, "conference");

        Assert.Equal(["Alpha forum", "Beta conference"], await TitlesAsync(Forums(new AnyOf([alpha, conference]))));
        Assert.Empty(await TitlesAsync(Forums(new AllOf([alpha, conference]))));
        Assert.Equal(["Gamma visit"], await TitlesAsync(Forums(new NotFilter(new AnyOf([alpha, conference])))));
    }

    [Fact]
    public async Task PagesFollowTheOrderAndTheirLimitsAreNamed()
    {
        var second = Forums();
        second.Skip = 1;
        second.Take = 1;
        var tooLarge = Forums();
        tooLarge.Take = 6;
        var negative = Forums();
        negative.Skip = -1;

        Assert.Equal(["Beta conference"], await TitlesAsync(second));
        var take = await Assert.ThrowsAsync<ContentQueryException>(() => TitlesAsync(tooLarge));
        Assert.Equal("take", take.Parameter);
        Assert.Contains("at most 5", take.Message, StringComparison.Ordinal);
        Assert.Equal("skip", (await Assert.ThrowsAsync<ContentQueryException>(() => TitlesAsync(negative))).Parameter);
    }
}
