using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Tests.Contracts;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Content;

/// <summary>Twinning's own <see cref="IPublishedContent"/> (over its content tables) against the contract every host
/// must meet, on SQLite and on PostgreSQL.</summary>
public abstract class TwinningPublishedContentContract(MunicipalSite municipalSite, string provider) : PublishedContentContract
{
    protected override Task<T> ReadAsync<T>(Func<IPublishedContent, Task<T>> read)
        => municipalSite.App(provider).InScopeAsync(s => read(s.GetRequiredService<IPublishedContent>()));

    protected override Task<IContractSite> NewSiteAsync()
    {
        var app = new TwinningApplication(provider);
        app.CreateClient();
        return Task.FromResult<IContractSite>(new Site(app));
    }

    private sealed class Site(TwinningApplication app) : IContractSite
    {
        public Task<T> ReadAsync<T>(Func<IPublishedContent, Task<T>> read)
            => app.InScopeAsync(s => read(s.GetRequiredService<IPublishedContent>()));

        public async Task SaveDraftAsync(ContentItem item)
        {
            var result = await app.SaveAsync(item, publish: false);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}

public sealed class SqlitePublishedContentContractTests(MunicipalSite site)
    : TwinningPublishedContentContract(site, Providers.Sqlite), IClassFixture<MunicipalSite>;

public sealed class PostgresPublishedContentContractTests(MunicipalSite site)
    : TwinningPublishedContentContract(site, Providers.Postgres), IClassFixture<MunicipalSite>;
