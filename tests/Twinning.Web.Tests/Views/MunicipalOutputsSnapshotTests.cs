using System.Text.RegularExpressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Views;

/// <summary>
/// Every <c>/api/twinning/*</c> output of the sample site, byte for byte, against a committed snapshot: a refactoring of
/// the municipal outputs (JSON-LD, iCalendar, GeoJSON, opening status) must not change what a front end receives.
/// Content item ids are generated when the recipe runs, so each is written as its type, culture and title; DTSTAMP
/// is the item's save time and traceId the request's. Set TWINNING_UPDATE_SNAPSHOTS=1 to rewrite the snapshot after
/// an intended change, and review its diff.
/// </summary>
public sealed partial class MunicipalOutputsSnapshotTests
{
    [Fact]
    public async Task EveryTwinningOutputOfTheSampleSiteMatchesTheCommittedSnapshot()
    {
        await using var app = new TwinningApplication(Providers.Sqlite);
        var client = app.CreateClient();
        var items = await PublishedItemsAsync(app);
        var urls = new List<string>();
        foreach (var culture in new[] { "", "?culture=pl-PL", "?culture=en-GB" })
        {
            urls.Add($"/api/twinning/forums.ics{culture}");
            urls.Add($"/api/twinning/partner-cities.geojson{culture}");
        }
        // What a front end gets wrong: an unknown item, a culture the site lacks, an instant without an offset.
        urls.Add("/api/twinning/jsonld/4nosuchitem000000000000000");
        urls.Add("/api/twinning/forums.ics?culture=de-DE");
        urls.Add("/api/twinning/partner-cities.geojson?culture=de-DE");
        foreach (var item in items)
        {
            urls.Add($"/api/twinning/jsonld/{item.Id}");
            if (item.Type == "Forum")
            {
                urls.Add($"/api/twinning/forums/{item.Id}.ics");
            }
            if (item.Type == "ContactPoint")
            {
                // A Monday at noon, a Saturday evening and a Sunday in summer time, and a winter weekday.
                foreach (var at in new[] { "2024-05-06T10:00:00Z", "2024-05-11T17:30:00Z", "2024-05-12T09:00:00Z", "2024-12-03T07:59:00Z" })
                {
                    urls.Add($"/api/twinning/contact-points/{item.Id}/opening-status?at={at}");
                }
                urls.Add($"/api/twinning/contact-points/{item.Id}/opening-status?at=2024-05-06T10:00:00");
            }
        }

        var actual = new StringBuilder();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            actual.Append("### GET ").Append(url).Append('\n')
                .Append((int)response.StatusCode).Append(' ').Append(response.Content.Headers.ContentType).Append('\n')
                .Append(body).Append("\n\n");
        }
        var text = Normalize(actual.ToString(), items);

        var path = SnapshotPath();
        if (Environment.GetEnvironmentVariable("TWINNING_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, text);
        }
        var expected = await File.ReadAllTextAsync(path);
        Assert.True(urls.Count > 40, $"The sample site should give many outputs, got {urls.Count}.");
        Assert.Equal(expected, text);
    }

    private sealed record Published(string Id, string Type, string Name);

    /// <summary>Every published item, named by type, culture and title (numbered when those repeat, in path order).</summary>
    private static async Task<IReadOnlyList<Published>> PublishedItemsAsync(TwinningApplication app)
    {
        await using var db = app.CreateDbContext();
        var rows = await db.ContentItemVersions.Where(v => v.Published)
            .Select(v => new { v.ContentItemId, v.ContentType, v.Culture, v.DisplayText, v.Path })
            .ToListAsync();
        return rows
            .OrderBy(r => r.ContentType, StringComparer.Ordinal)
            .ThenBy(r => r.Culture, StringComparer.Ordinal)
            .ThenBy(r => r.DisplayText, StringComparer.Ordinal)
            .ThenBy(r => r.Path, StringComparer.Ordinal)
            .GroupBy(r => $"{r.ContentType}|{r.Culture}|{r.DisplayText}")
            .SelectMany(g => g.Select((r, i) => new Published(r.ContentItemId, r.ContentType, i == 0 ? $"<{g.Key}>" : $"<{g.Key}|{i}>")))
            .ToList();
    }

    private static string Normalize(string text, IReadOnlyList<Published> items)
    {
        foreach (var item in items)
        {
            text = text.Replace(item.Id, item.Name, StringComparison.Ordinal);
        }
        text = DtStamp().Replace(text, "DTSTAMP:<saved>");
        return TraceId().Replace(text, "\"traceId\":\"<trace>\"");
    }

    [GeneratedRegex(@"DTSTAMP:\d{8}T\d{6}Z")]
    private static partial Regex DtStamp();

    [GeneratedRegex("\"traceId\":\"[0-9a-f-]+\"")]
    private static partial Regex TraceId();

    private static string SnapshotPath() => Repository.PathOf("tests", "Twinning.Web.Tests", "Views", "MunicipalOutputs.snapshot.txt");
}
