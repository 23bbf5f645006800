namespace Twinning.Web.Tests.Infrastructure;

/// <summary>
/// One provisioned municipal site per storage provider, shared by the tests of a class that only read it
/// (<c>IClassFixture&lt;MunicipalSite&gt;</c>): provisioning is the slow part of a host test, and reading does not
/// change what the next test sees. A test that saves, posts, uploads, runs a recipe or changes settings builds its
/// own <see cref="TwinningApplication"/> instead.
/// </summary>
public sealed class MunicipalSite : IAsyncLifetime
{
    private readonly Dictionary<string, TwinningApplication> _apps = [];

    /// <summary>The site on <paramref name="provider"/>, provisioned on first use (a class that reads SQLite only
    /// never creates a PostgreSQL database). xunit runs the tests of one class one after another.</summary>
    public TwinningApplication App(string provider)
    {
        if (!_apps.TryGetValue(provider, out var app))
        {
            app = new TwinningApplication(provider);
            app.CreateClient();
            _apps[provider] = app;
        }
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
        _apps.Clear();
    }
}
