using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>Uploads and listings of one folder at the same time: listings never show a file being written, and
/// never fail because one vanished while they were read.</summary>
public sealed class MediaConcurrencyTests
{
    [Fact]
    public async Task ListingsRacingUploadsOfTheSameFolderShowNoTemporaryFilesAndNeverFail()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        app.CreateClient();
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder");
        var client = await app.CreateClientWithRolesAsync("MediaEditor");
        Assert.Equal(HttpStatusCode.Created, (await client.UploadAsync("race", ("first.jpg", TestImages.Jpeg(8, 8)))).StatusCode);
        var photo = MediaSite.Noise(400, 400, ".jpg");
        var failures = new List<string>();
        var listed = new List<string>();

        for (var round = 0; round < 3; round++)
        {
            var uploads = Enumerable.Range(0, 20).Select(async i =>
            {
                var response = await client.UploadAsync("race", ($"photo-{round}-{i}.jpg", photo));
                return (int)response.StatusCode >= 500 ? $"upload {i}: {(int)response.StatusCode}" : null;
            });
            var listings = Enumerable.Range(0, 20).Select(async i =>
            {
                var response = await client.GetAsync("/api/media?path=race");
                if ((int)response.StatusCode >= 500)
                {
                    return $"listing {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
                var files = (await response.JsonAsync())["files"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
                lock (listed)
                {
                    listed.AddRange(files);
                }
                return null;
            });
            failures.AddRange((await Task.WhenAll(uploads.Concat(listings))).OfType<string>());
        }

        Assert.Empty(failures);
        Assert.DoesNotContain(listed, name => name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase));
        var final = (await (await client.GetAsync("/api/media?path=race")).JsonAsync())["files"]!.AsArray();
        Assert.Equal(61, final.Count);
    }
}
