using System.Net;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Upgrade;

/// <summary>Today's code started on a site written by an earlier release: docs/operations.md's upgrade ("the site
/// brings the database schema up to date by itself") holds, and nothing the earlier site served is lost.</summary>
public sealed class UpgradeTests
{
    /// <summary>Fixtures/&lt;commit&gt;: the data folder (SQLite database and media library) of the municipal site as
    /// provisioned by the code of that commit, and items.json, every item as that code served it from
    /// GET /api/content/{id}. See Fixtures/README.md for how they were made.</summary>
    [Theory]
    [InlineData("0f4ef59")]
    public async Task ASiteWrittenByAnEarlierReleaseServesEveryItemAsBefore(string commit)
    {
        var fixture = Repository.PathOf("tests", "Twinning.Web.Tests", "Upgrade", "Fixtures", commit);
        var dataPath = Directory.CreateTempSubdirectory("twinning-upgrade-").FullName;
        try
        {
            File.Copy(Path.Combine(fixture, "twinning.db"), Path.Combine(dataPath, "twinning.db"));
            CopyFolder(Path.Combine(fixture, "Media"), Path.Combine(dataPath, "Media"));
            var before = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture, "items.json")))!.AsArray();

            using (var app = new TwinningApplication(Providers.Sqlite, dataPath: dataPath))
            {
                var client = app.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
                Assert.DoesNotContain(app.Log, line => line.Contains("Created the administrator", StringComparison.Ordinal));

                foreach (var item in before)
                {
                    var id = (string)item!["ContentItemId"]!;
                    var response = await client.GetAsync($"/api/content/{id}");
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{item["ContentType"]} {id} answers {response.StatusCode} after the upgrade");
                    var after = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    AssertKeeps(item, after, id);
                }

                // The media the items name are still served.
                var photo = Directory.EnumerateFiles(Path.Combine(dataPath, "Media"), "*.jpg", SearchOption.AllDirectories).First();
                var url = "/media/" + Path.GetRelativePath(Path.Combine(dataPath, "Media"), photo).Replace('\\', '/');
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    /// <summary>Every value the earlier release served is served at the same place now; members added since are fine.</summary>
    private static void AssertKeeps(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject members:
                Assert.True(actual is JsonObject, $"{path} is no longer an object: {actual?.ToJsonString()}");
                foreach (var (name, value) in members)
                {
                    Assert.True(actual!.AsObject().ContainsKey(name), $"{path}.{name} is gone after the upgrade");
                    AssertKeeps(value, actual[name], $"{path}.{name}");
                }
                break;
            case JsonArray elements:
                Assert.True(actual is JsonArray array && array.Count == elements.Count, $"{path} changed length: {actual?.ToJsonString()}");
                for (var i = 0; i < elements.Count; i++)
                {
                    AssertKeeps(elements[i], actual![i], $"{path}[{i}]");
                }
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path} was {expected?.ToJsonString()}, is {actual?.ToJsonString()}");
                break;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
