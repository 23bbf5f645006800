using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Queries;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Queries;

/// <summary>
/// The title search (the admin's lists, the content picker, GraphQL's <c>displayText_contains</c>) finds titles in any
/// case over all of Unicode on both databases, through its index for texts of three letters or more and by reading the
/// titles for shorter ones; the index follows every save, publication and removal.
/// </summary>
public sealed class TitleSearchTests
{
    private static Task<IReadOnlyList<string>> SearchAsync(TwinningApplication app, string text, PublicationStatus status = PublicationStatus.Latest, FilterOperator op = FilterOperator.Contains)
        => app.InScopeAsync<IReadOnlyList<string>>(async s =>
        {
            var spec = new ContentQuerySpec { ContentType = "Article", Status = status, Filter = new ColumnFilter(ContentColumn.DisplayText, op, text) };
            spec.Order.Add(ContentOrder.By(ContentColumn.DisplayText));
            return (await s.GetRequiredService<ContentQuery>().ListAsync(spec)).Select(i => i.DisplayText ?? "").ToList();
        });

    private static async Task<string> SaveAsync(TwinningApplication app, string title, bool publish, string? id = null)
    {
        var item = Articles.New(title, id: id);
        var result = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(item, publish, "ewa"));
        Assert.True(result.Succeeded, result.ToString());
        return item.ContentItemId;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TitlesAreFoundInAnyCaseBeyondAscii(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        await SaveAsync(app, "Żółta łódź na Motławie", publish: true);
        await SaveAsync(app, "ЗАПРОШЕННЯ до Львова", publish: true);
        await SaveAsync(app, "Zniżka 50% dla gości", publish: true);
        await SaveAsync(app, "Forum_miast", publish: true);

        Assert.Equal(["Żółta łódź na Motławie"], await SearchAsync(app, "ŻÓŁTA ŁÓDŹ"));
        Assert.Equal(["Żółta łódź na Motławie"], await SearchAsync(app, "ŁÓ"));
        Assert.Equal(["ЗАПРОШЕННЯ до Львова"], await SearchAsync(app, "запрошення"));
        Assert.Equal(["Zniżka 50% dla gości"], await SearchAsync(app, "50% dla"));
        Assert.Empty(await SearchAsync(app, "50%_dla"));
        Assert.Equal(["Forum_miast"], await SearchAsync(app, "m_m"));
        Assert.Equal(["Forum_miast", "Zniżka 50% dla gości", "ЗАПРОШЕННЯ до Львова"], await SearchAsync(app, "ŁÓDŹ", op: FilterOperator.NotContains));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheSearchFollowsEditsPublicationAndRemoval(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var id = await SaveAsync(app, "Dni Gdańska w Wilnie", publish: true);

        await SaveAsync(app, "Dni Gdańska w Kownie", publish: false, id);
        var latestOld = await SearchAsync(app, "wilnie");
        var latestNew = await SearchAsync(app, "kownie");
        var publishedOld = await SearchAsync(app, "wilnie", PublicationStatus.Published);
        var publishedNew = await SearchAsync(app, "kownie", PublicationStatus.Published);
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(id, "ewa"));
        var publishedAfter = await SearchAsync(app, "wilnie", PublicationStatus.Published);
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(id, "ewa"));
        var removed = await SearchAsync(app, "kownie");

        Assert.Empty(latestOld);
        Assert.Equal(["Dni Gdańska w Kownie"], latestNew);
        Assert.Equal(["Dni Gdańska w Wilnie"], publishedOld);
        Assert.Empty(publishedNew);
        Assert.Empty(publishedAfter);
        Assert.Empty(removed);
    }
}
