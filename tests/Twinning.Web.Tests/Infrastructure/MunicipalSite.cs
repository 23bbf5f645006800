using System.Collections.Concurrent;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>
/// One provisioned municipal site per storage provider for the whole test run, shared by every test class that only
/// reads it (<c>IClassFixture&lt;MunicipalSite&gt;</c>): building a host and provisioning the site is the slow part of
/// a host test, and reading does not change what another class sees. Classes run side by side, so the site answers
/// them concurrently, as a real site answers its visitors. A test that saves, posts, uploads, runs a recipe, changes
/// settings or reads the site's log builds its own <see cref="TwinningApplication"/> instead.
/// </summary>
public sealed class MunicipalSite
{
    private static readonly ConcurrentDictionary<string, Lazy<TwinningApplication>> Sites = new();

    static MunicipalSite()
    {
        // xunit has no fixture for the whole run: the sites' databases and folders go when the process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var site in Sites.Values.Where(site => site.IsValueCreated))
            {
                site.Value.Dispose();
            }
        };
    }

    /// <summary>The site on <paramref name="provider"/>, provisioned on first use (a run that reads SQLite only never
    /// creates a PostgreSQL database).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Called on the class fixture, which says in its test class that the class only reads.")]
    public TwinningApplication App(string provider)
        => Sites.GetOrAdd(provider, name => new Lazy<TwinningApplication>(() =>
        {
            var app = new TwinningApplication(name);
            app.CreateClient();
            return app;
        })).Value;
}
