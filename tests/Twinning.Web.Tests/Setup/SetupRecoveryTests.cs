using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Twinning.Module;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Recipes;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Setup;

/// <summary>A start that stops between the setup commit and its media (kill -9, a full disk) recovers to a whole site.</summary>
public sealed class SetupRecoveryTests
{
    private static readonly string RecipePath = Path.Combine(AppContext.BaseDirectory, "recipes", "twinning-municipal-site.recipe.json");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheNextStartWritesTheMediaOfASetupThatStoppedAfterItsCommit(string provider)
    {
        // Both hosts use the same database and data folder: the second start is a restart of the first.
        using var app = new TwinningApplication(provider);
        using (var stopping = Stopping(app))
        {
            // The seam sits where a kill at the commit leaves the process: nothing of the media step runs after it.
            Assert.Throws<IOException>(() => stopping.CreateClient());
        }
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.Documents.AnyAsync(d => d.Name == DocumentNames.Setup), "the first start committed the site");
        }
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataPath, "Media"), "*", SearchOption.AllDirectories));
        // A run that staged and never committed, long ago.
        var abandoned = Directory.CreateDirectory(Path.Combine(app.DataPath, "MediaStaging", Guid.NewGuid().ToString("N")));
        await File.WriteAllTextAsync(Path.Combine(abandoned.FullName, "0"), "never committed");
        abandoned.LastWriteTimeUtc = DateTime.UtcNow - MediaStagingArea.LeftoverAge - TimeSpan.FromMinutes(1);

        var client = app.CreateClient();

        var files = RecipeMediaFiles();
        Assert.Equal(15, files.Count);
        foreach (var (target, source) in files)
        {
            var served = await client.GetAsync("/media/" + target);
            Assert.True(served.IsSuccessStatusCode, $"/media/{target}: {served.StatusCode}");
            Assert.Equal(await File.ReadAllBytesAsync(source), await served.Content.ReadAsByteArrayAsync());
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(app.DataPath, "MediaStaging")));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Documents.AnyAsync(d => d.Name.StartsWith(MediaStagingArea.DocumentPrefix)), "nothing is left to recover");
            Assert.Equal(1, await db.Users.CountAsync());
        }
        Assert.Equal(3, (await app.ListAsync("Forum", "pl-PL")).Count);
        // The stopped start had already logged the generated password of the administrator it committed.
        var password = Regex.Match(Assert.Single(app.Log, l => l.Contains("generated password", StringComparison.Ordinal)), "generated password (\\S+)").Groups[1].Value;
        Assert.True(await app.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserService>();
            return users.CheckPassword((await users.FindAsync("admin"))!, password);
        }));
    }

    [Fact]
    public async Task ARecipeThatStoppedAfterItsCommitHasItsMediaWrittenOnTheNextStart()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false);
        var logo = Convert.ToBase64String(TestImages.Png(4, 4));
        using (var stopping = Stopping(app))
        {
            stopping.CreateClient();
            var recipe = $$"""{ "name": "logo", "steps": [ { "name": "media", "Files": [ { "TargetPath": "brand/logo.png", "Base64": "{{logo}}" } ] } ] }""";
            await Assert.ThrowsAsync<IOException>(() => stopping.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null));
        }
        Assert.False(File.Exists(Path.Combine(app.DataPath, "Media", "brand", "logo.png")));

        var served = await app.CreateClient().GetAsync("/media/brand/logo.png");

        Assert.True(served.IsSuccessStatusCode, served.StatusCode.ToString());
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(app.DataPath, "MediaStaging")));
    }

    /// <summary>The same site, with a library that fails the way a process killed at the commit does.</summary>
    private static WebApplicationFactory<Program> Stopping(TwinningApplication app)
        => app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMediaFileStore>(services =>
            new StopsAtTheFirstWrite(new FileSystemMediaFileStore(services.GetRequiredService<IOptions<TwinningOptions>>())))));

    private static List<(string Target, string Source)> RecipeMediaFiles()
    {
        var recipe = JsonNode.Parse(File.ReadAllText(RecipePath))!;
        var media = recipe["steps"]!.AsArray().Single(s => (string?)s!["name"] == "media")!;
        return media["Files"]!.AsArray()
            .Select(f => ((string)f!["TargetPath"]!, Path.Combine(Path.GetDirectoryName(RecipePath)!, (string)f["SourcePath"]!)))
            .ToList();
    }

    /// <summary>The library as the process meets its end: the first file it is asked to write never arrives.</summary>
    private sealed class StopsAtTheFirstWrite(IMediaFileStore inner) : IMediaFileStore
    {
        public IFileProvider FileProvider => inner.FileProvider;

        public Task CreateFileAsync(string path, Stream content, bool overwrite = false) => throw new IOException("The process stopped here.");

        public Task<MediaEntry?> GetFileInfoAsync(string path) => inner.GetFileInfoAsync(path);

        public Task<MediaEntry?> GetDirectoryInfoAsync(string path) => inner.GetDirectoryInfoAsync(path);

        public Task<IReadOnlyList<MediaEntry>> GetDirectoryContentAsync(string path) => inner.GetDirectoryContentAsync(path);

        public Task<Stream> OpenReadAsync(string path) => inner.OpenReadAsync(path);

        public Task CreateDirectoryAsync(string path) => inner.CreateDirectoryAsync(path);

        public Task MoveAsync(string oldPath, string newPath) => inner.MoveAsync(oldPath, newPath);

        public Task<bool> TryDeleteFileAsync(string path) => inner.TryDeleteFileAsync(path);

        public Task<bool> TryDeleteDirectoryAsync(string path) => inner.TryDeleteDirectoryAsync(path);
    }
}
