using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>The editors' media library page in a real browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MediaAdminTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    private async Task<(TwinningApplication App, Browser Browser)> StartAsync(params string[] permissions)
    {
        var app = new TwinningApplication(Providers.Sqlite);
        var browser = await Browser.OpenAsync(chromium, app);
        await app.DefineRoleAsync("Photographer", permissions);
        var problems = await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("fotograf", null, Password, ["Photographer"]));
        Assert.Empty(problems);
        await browser.SignInAsync("fotograf", Password, "/admin/media?path=gallery");
        return (app, browser);
    }

    /// <summary>Chooses the file in the upload form and sends it.</summary>
    private static async Task UploadAsync(IPage page, FilePayload file)
    {
        await page.GetByLabel("Files").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
    }

    /// <summary>A file as the browser would send it from the disk: its type named by its extension.</summary>
    private static FilePayload Upload(string name, byte[] content)
        => new() { Name = name, MimeType = name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg", Buffer = content };

    [Fact]
    public async Task AnEditorUploadsRenamesAndDeletesAPhoto()
    {
        var (app, browser) = await StartAsync("ManageMediaFolder");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        var photo = Upload("Dzień Miasta.jpg", TestImages.Jpeg(32, 24));

        await UploadAsync(page, photo);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uploaded Dzień-Miasta.jpg");
        var row = page.Locator("tr[data-path='gallery/Dzień-Miasta.jpg']");
        await row.GetByLabel("New name").FillAsync("dzien-miasta-2025.jpg");
        await row.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Renamed 'Dzień-Miasta.jpg' to 'dzien-miasta-2025.jpg'");
        await page.Locator("tr[data-path='gallery/dzien-miasta-2025.jpg']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Deleted 'dzien-miasta-2025.jpg'");

        Assert.Equal(0, await page.Locator("tr[data-path^='gallery/dzien']").CountAsync());
        Assert.False(File.Exists(Path.Combine(app.DataPath, "Media", "gallery", "dzien-miasta-2025.jpg")));
    }

    [Fact]
    public async Task AnEditorUploadsIntoTheLibraryRoot()
    {
        var (app, browser) = await StartAsync("ManageMediaFolder");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GotoAsync("/admin/media");

        await UploadAsync(page, Upload("herb.png", TestImages.Png(8, 8)));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uploaded herb.png");
        Assert.True(File.Exists(Path.Combine(app.DataPath, "Media", "herb.png")));
    }

    [Fact]
    public async Task APhotoAGalleryShowsIsNotDeletedAndTheEditorSeesWhere()
    {
        var (app, browser) = await StartAsync("ManageMediaFolder");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "bialystok-2013/" }).ClickAsync();
        var preview = page.Locator("tr[data-path='gallery/bialystok-2013/img-3855.jpg'] img");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        // The preview is a real, small image served by the resizing pipeline.
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await preview.ElementHandleAsync());
        Assert.InRange(await preview.EvaluateAsync<int>("img => img.naturalWidth"), 1, 96);
        await page.Locator("tr[data-path='gallery/bialystok-2013/img-3855.jpg']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("cannot be deleted: content uses it");
        await Assertions.Expect(page.GetByText("Used by Gallery")).ToBeVisibleAsync();
        Assert.True(File.Exists(Path.Combine(app.DataPath, "Media", "gallery", "bialystok-2013", "img-3855.jpg")));
    }

    [Fact]
    public async Task ARenamedProgramIsRefusedWithItsName()
    {
        var (app, browser) = await StartAsync("ManageMediaFolder");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        var fake = Upload("plakat.jpg", MediaUploads.Executable());

        await UploadAsync(page, fake);

        await Assertions.Expect(page.GetByText("'plakat.jpg' is not a '.jpg' file")).ToBeVisibleAsync();
        Assert.False(File.Exists(Path.Combine(app.DataPath, "Media", "gallery", "plakat.jpg")));
    }

    [Fact]
    public async Task InPolishTheLibrarysRefusalsArePolish()
    {
        var (app, browser) = await StartAsync("ManageMediaFolder");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        await page.GetByLabel("Pliki").SetInputFilesAsync(Upload("plakat.jpg", MediaUploads.Executable()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij" }).ClickAsync();
        await Assertions.Expect(page.GetByText("„plakat.jpg”: nie jest plikiem „.jpg”: jego zawartość jest czymś innym.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "bialystok-2013/" }).ClickAsync();
        await page.Locator("tr[data-path='gallery/bialystok-2013/img-3855.jpg']").GetByRole(AriaRole.Button, new() { Name = "Usuń" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Nie można usunąć pliku „gallery/bialystok-2013/img-3855.jpg”: używa go treść.");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AnEditorWithoutTheFolderPermissionCannotChangeIt()
    {
        var (app, browser) = await StartAsync("ManageMediaContent");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        var photo = Upload("a.png", TestImages.Png(4, 4));

        await UploadAsync(page, photo);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("may not change this folder");
        Assert.False(File.Exists(Path.Combine(app.DataPath, "Media", "gallery", "a.png")));
    }

    [Fact]
    public async Task AFormPostedWithoutTheAntiforgeryTokenChangesNothing()
    {
        var (app, browser) = await StartAsync("ManageMediaFolder");
        using var _ = app;
        await using var __ = browser;

        // The signed-in browser posts a form another site could have built: no token.
        var response = await browser.Page.APIRequest.PostAsync("/admin/media/delete?path=gallery", new()
        {
            Form = browser.Page.APIRequest.CreateFormData().Set("target", "gallery/bialystok-2013/img-3914.jpg").Set("isFolder", "false"),
        });

        Assert.Equal(400, response.Status);
        Assert.True(File.Exists(Path.Combine(app.DataPath, "Media", "gallery", "bialystok-2013", "img-3914.jpg")));
    }
}
