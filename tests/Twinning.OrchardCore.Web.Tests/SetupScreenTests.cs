using Microsoft.AspNetCore.Mvc.Testing;

namespace Twinning.OrchardCore.Web.Tests;

/// <summary>A fresh Orchard Core site offers the municipal recipe at setup: Orchard found the Twinning module (assembly
/// "Twinning") and harvested the recipe embedded under its Recipes folder.</summary>
public sealed class SetupScreenTests : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly string _appData = Path.Combine(Path.GetTempPath(), "twinning-orchard-" + Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _factory;

    public SetupScreenTests(WebApplicationFactory<Program> factory)
    {
        // Each run gets its own App_Data, so the default tenant is uninitialised and answers with the setup screen.
        _factory = factory.WithWebHostBuilder(b => b.UseSetting("ORCHARD_APP_DATA", _appData));
    }

    [Fact]
    public async Task TheSetupScreenOffersTheMunicipalRecipe()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Twinning – municipal partner-cities site", html, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_appData))
        {
            Directory.Delete(_appData, recursive: true);
        }
    }
}
