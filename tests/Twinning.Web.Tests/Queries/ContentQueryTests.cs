using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Queries;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Queries;

/// <summary>The query service behind the REST list and GraphQL: envelope and field conditions, order, counts.</summary>
public sealed class ContentQueryTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    private static readonly FieldReference EventType = new("Forum", "EventType", FieldValueKind.Text);
    private static readonly FieldReference StartDate = new("Forum", "StartDate", FieldValueKind.Date);

    private static Task<IReadOnlyList<string>> TitlesAsync(TwinningApplication app, ContentQuerySpec spec)
        => app.InScopeAsync<IReadOnlyList<string>>(async s =>
            (await s.GetRequiredService<ContentQuery>().ListAsync(spec)).Select(i => i.DisplayText ?? "").ToList());

    private static ContentQuerySpec Forums(ContentFilter? filter = null, string? culture = "en-GB")
    {
        var spec = new ContentQuerySpec { ContentType = "Forum", Culture = culture, Filter = filter };
        spec.Order.Add(ContentOrder.By(ContentColumn.DisplayText));
        return spec;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EnvelopeOperatorsSelectTheMatchingItems(string provider)
    {
        var app = site.App(provider);

        var contains = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, "Forum")));
        var notContains = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.NotContains, "Forum")));
        var startsWith = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.StartsWith, "multi")));
        var endsWith = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.EndsWith, "CITIES")));
        var notEndsWith = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.NotEndsWith, "cities")));
        var before2014 = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.PublishedUtc, FilterOperator.Lt, new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        var gte = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Gte, "Polish")));
        var inList = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.In, new List<string> { "Polish-Belarusian Forum of Partner Cities", "nothing" })));
        var notIn = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.NotIn, new List<string> { "Polish-Belarusian Forum of Partner Cities" })));
        var not = await TitlesAsync(app, Forums(new ColumnFilter(ContentColumn.Author, FilterOperator.Not, "admin")));

        Assert.Equal(["Polish-Belarusian Forum of Partner Cities"], contains);
        Assert.Equal(["Multilingual world – common language of partnership", "Visits of the Belarusian guests to their partner cities"], notContains);
        Assert.Equal(["Multilingual world – common language of partnership"], startsWith);
        Assert.Equal(["Polish-Belarusian Forum of Partner Cities", "Visits of the Belarusian guests to their partner cities"], endsWith);
        Assert.Equal(["Multilingual world – common language of partnership"], notEndsWith);
        Assert.Equal(["Multilingual world – common language of partnership"], before2014);
        Assert.Equal(["Polish-Belarusian Forum of Partner Cities", "Visits of the Belarusian guests to their partner cities"], gte);
        Assert.Equal(["Polish-Belarusian Forum of Partner Cities"], inList);
        Assert.Equal(2, notIn.Count);
        Assert.Empty(not);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConditionsCombineWithAndOrNot(string provider)
    {
        var app = site.App(provider);
        var polish = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.StartsWith, "Polish");
        var multilingual = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.StartsWith, "Multi");

        var either = await TitlesAsync(app, Forums(new AnyOf([polish, multilingual])));
        var both = await TitlesAsync(app, Forums(new AllOf([polish, multilingual])));
        var neither = await TitlesAsync(app, Forums(new NotFilter(new AnyOf([polish, multilingual]))));

        Assert.Equal(["Multilingual world – common language of partnership", "Polish-Belarusian Forum of Partner Cities"], either);
        Assert.Empty(both);
        Assert.Equal(["Visits of the Belarusian guests to their partner cities"], neither);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FieldValuesFilterOrderAndCount(string provider)
    {
        var app = site.App(provider);

        var conferences = await TitlesAsync(app, Forums(new FieldFilter(EventType, FilterOperator.Eq, "conference")));
        var notConferences = await TitlesAsync(app, Forums(new FieldFilter(EventType, FilterOperator.Not, "conference")));
        var after2014 = await TitlesAsync(app, Forums(new FieldFilter(StartDate, FilterOperator.Gt, new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        var byStart = Forums();
        byStart.Order.Clear();
        byStart.Order.Add(ContentOrder.By(StartDate, descending: true));
        var newestFirst = await TitlesAsync(app, byStart);
        var count = await app.InScopeAsync(s => s.GetRequiredService<ContentQuery>().CountAsync(
            Forums(new FieldFilter(EventType, FilterOperator.In, new List<string> { "forum", "bilateral-visit" }), culture: null)));

        Assert.Equal(["Multilingual world – common language of partnership"], conferences);
        Assert.Equal(2, notConferences.Count);
        Assert.Equal(["Polish-Belarusian Forum of Partner Cities", "Visits of the Belarusian guests to their partner cities"], after2014);
        Assert.Equal("Visits of the Belarusian guests to their partner cities", newestFirst[0]);
        Assert.Equal("Multilingual world – common language of partnership", newestFirst[^1]);
        Assert.Equal(4, count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ThePreferredCultureFallsBackToTheDefaultCulture(string provider)
    {
        using var app = await GraphQLSite.StartAsync(provider);
        var city = await app.SingleAsync("PartnerCity", "Połock");
        city.ContentItemId = "";
        city.ContentItemVersionId = "";
        city.Data["TitlePart"]!["Title"] = "Grodno";
        city.Data["AutoroutePart"]!["Path"] = "grodno";
        city.Data["LocalizationPart"]!["LocalizationSet"] = "grodnoset0000000000000000a";
        Assert.True((await app.SaveAsync(city)).Succeeded);

        var english = new ContentQuerySpec { ContentType = "PartnerCity", PreferredCulture = "en-GB", DefaultCulture = "pl-PL" };
        english.Order.Add(ContentOrder.By(ContentColumn.DisplayText));
        var german = new ContentQuerySpec { ContentType = "PartnerCity", PreferredCulture = "de-DE", DefaultCulture = "pl-PL" };
        german.Order.Add(ContentOrder.By(ContentColumn.DisplayText));

        Assert.Equal(["Grodno", "Navapolatsk", "Polotsk"], await TitlesAsync(app, english));
        Assert.Equal(["Grodno", "Nowopołock", "Połock"], await TitlesAsync(app, german));
    }

    /// <summary>The admin's list of all content reads the latest versions in their order and checks each type on the
    /// way (<see cref="ContentQuerySpec.TypesHoldMostItems"/>): every page, order, status and filter must give what
    /// looking each type up gives, ties (the recipe saves many items at the same time) broken alike.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AListOfEveryTypeReadInItsOrderGivesTheSamePagesAsOneReadTypeByType(string provider)
    {
        var app = site.App(provider);
        var types = await app.InScopeAsync<IReadOnlyList<string>>(async s =>
            [.. (await s.GetRequiredService<ContentDefinitionService>().GetAsync())
                .ContentTypeDefinitionRecords.Where(d => d.TypeSettings.Listable).Select(d => d.Name)]);
        var filters = new ContentFilter?[] { null, new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, "a") };
        var compared = 0;
        foreach (var status in new[] { PublicationStatus.Latest, PublicationStatus.Published, PublicationStatus.Draft })
        {
            foreach (var (column, descending) in new[] { (ContentColumn.ModifiedUtc, true), (ContentColumn.ModifiedUtc, false), (ContentColumn.DisplayText, false), (ContentColumn.CreatedUtc, true) })
            {
                foreach (var filter in filters)
                {
                    foreach (var (full, own) in new[] { (types, (IReadOnlyList<string>?)null), (types.Where(t => t != "Forum").ToList(), ["Forum"]) })
                    {
                        foreach (var skip in new[] { 0, 7, 20, 35 })
                        {
                            ContentQuerySpec Spec(bool inOrder)
                            {
                                var spec = new ContentQuerySpec
                                {
                                    Status = status, Filter = filter, ContentTypes = full, OwnContentTypes = own, Owner = own is null ? null : "nobody",
                                    TypesHoldMostItems = inOrder, Skip = skip, Take = 10,
                                };
                                spec.Order.Add(ContentOrder.By(column, descending));
                                return spec;
                            }
                            var byType = await IdsAsync(app, Spec(inOrder: false));
                            Assert.Equal(byType, await IdsAsync(app, Spec(inOrder: true)));
                            compared += byType.Count;
                        }
                    }
                }
            }
        }
        // Not vacuous: the pages held items.
        Assert.True(compared > 500, $"only {compared} items compared");
    }

    /// <summary>The admin reads a page in the second half of a list from its end (<see cref="ContentQuerySpec.FromEnd"/>):
    /// every such page must hold what paging from the start gives, in the same order, ties in the sort key (the recipe
    /// saves many items at the same time; many items share a type) broken by id alike, nulls (untitled items) included.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PagesReadFromTheEndHoldWhatPagingFromTheStartGives(string provider)
    {
        var app = site.App(provider);
        var types = await app.InScopeAsync<IReadOnlyList<string>>(async s =>
            [.. (await s.GetRequiredService<ContentDefinitionService>().GetAsync())
                .ContentTypeDefinitionRecords.Where(d => d.TypeSettings.Listable).Select(d => d.Name)]);
        const int size = 7;
        var compared = 0;
        foreach (var inOrder in new[] { false, true })
        {
            foreach (var (column, descending) in new[] { (ContentColumn.ModifiedUtc, true), (ContentColumn.ModifiedUtc, false), (ContentColumn.DisplayText, false), (ContentColumn.DisplayText, true), (ContentColumn.CreatedUtc, true), (ContentColumn.ContentType, false) })
            {
                foreach (var filter in new ContentFilter?[] { null, new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, "a") })
                {
                    ContentQuerySpec Spec(int skip, int take, bool fromEnd)
                    {
                        var spec = new ContentQuerySpec
                        {
                            Status = PublicationStatus.Latest, Filter = filter, ContentTypes = types, TypesHoldMostItems = inOrder,
                            Skip = skip, Take = take, FromEnd = fromEnd,
                        };
                        spec.Order.Add(ContentOrder.By(column, descending));
                        return spec;
                    }
                    var all = await IdsAsync(app, Spec(0, 1000, fromEnd: false));
                    Assert.Equal(all.Count, await app.InScopeAsync(s => s.GetRequiredService<ContentQuery>().CountAsync(Spec(0, 1, false))));
                    for (var start = 0; start < all.Count; start += size)
                    {
                        // The page [start, start + size) as the admin reads it: skipping what comes after it, from the end.
                        var after = all.Count - start - size;
                        var page = await IdsAsync(app, Spec(Math.Max(0, after), size + Math.Min(0, after), fromEnd: true));
                        Assert.Equal(all.Skip(start).Take(size), page);
                        compared += page.Count;
                    }
                }
            }
        }
        Assert.True(compared > 500, $"only {compared} items compared");
    }

    /// <summary>A filtered list is counted only up to a limit: the admin's search says "more than" beyond it.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABoundedCountStopsOneAfterItsLimit(string provider)
    {
        var app = site.App(provider);
        var spec = new ContentQuerySpec { Status = PublicationStatus.Latest, Filter = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, "a") };
        var (exact, bounded, above) = await app.InScopeAsync(async s =>
        {
            var query = s.GetRequiredService<ContentQuery>();
            return (await query.CountAsync(spec), await query.CountAtMostAsync(spec, 5), await query.CountAtMostAsync(spec, 10_000));
        });

        Assert.True(exact > 6, $"only {exact} matches");
        Assert.Equal(6, bounded);
        Assert.Equal(exact, above);
    }

    private static Task<IReadOnlyList<string>> IdsAsync(TwinningApplication app, ContentQuerySpec spec)
        => app.InScopeAsync<IReadOnlyList<string>>(async s =>
            (await s.GetRequiredService<ContentQuery>().ListAsync(spec)).Select(i => i.ContentItemVersionId).ToList());

    [Fact]
    public async Task APageLargerThanTheMaximumIsRefused()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite, new Dictionary<string, string?> { ["Twinning:Queries:MaxPageSize"] = "5" });

        var error = await Assert.ThrowsAsync<ContentQueryException>(() => TitlesAsync(app, new ContentQuerySpec { ContentType = "Forum", Take = 6 }));

        Assert.Equal("take", error.Parameter);
        Assert.Contains("at most 5", error.Message, StringComparison.Ordinal);
    }
}
