using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Twinning.Core.Content;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Recipes;
using Twinning.Module.Features.Storage;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>
/// The real Twinning.Web host over a database of its own: a SQLite file in a fresh folder, or a fresh
/// PostgreSQL database on the server named by TWINNING_TEST_POSTGRES. Each test builds its own.
/// </summary>
public sealed class TwinningApplication : WebApplicationFactory<Program>
{
    private readonly string _provider;
    private readonly bool _runRecipe;
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;

    private readonly bool _ownsDataPath;

    /// <summary>The site's clock, when a test moves it (<see cref="MovableClock"/>); set before the site starts.</summary>
    public TimeProvider? Clock { get; init; }

    // dataPath: an existing data folder to start on (a restart); the caller then deletes it.
    public TwinningApplication(string provider, bool runRecipe = true, IDictionary<string, string?>? settings = null, string? dataPath = null)
    {
        _provider = provider;
        _runRecipe = runRecipe;
        _ownsDataPath = dataPath is null;
        DataPath = dataPath ?? Directory.CreateTempSubdirectory("twinning-test-").FullName;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (provider == Providers.Postgres)
        {
            _postgresDatabase = "twinning_" + Guid.NewGuid().ToString("N");
            using var connection = new NpgsqlConnection(Providers.PostgresServer);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    public string DataPath { get; }

    /// <summary>The site makes its own API signing and encryption keys, as in production, instead of taking the test
    /// process's <see cref="ReusedApiKeys"/>: for tests about the keys themselves.</summary>
    public bool GeneratesApiKeys { get; init; }

    /// <summary>A database context of its own, independent of the host (which may have failed to start).</summary>
    public TwinningDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<TwinningDbContext>();
        if (_postgresDatabase is null)
        {
            options.UseSqlite($"Data Source={Path.Combine(DataPath, "twinning.db")}");
        }
        else
        {
            options.UseNpgsql(new NpgsqlConnectionStringBuilder(Providers.PostgresServer) { Database = _postgresDatabase }.ConnectionString);
        }
        return new TwinningDbContext(options.Options);
    }

    /// <summary>The PBKDF2 iterations of the test sites' password hashes (see <see cref="ConfigureWebHost"/>).</summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>Everything the app logged, for assertions on what a webmaster would read.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The admin's stylesheet is a static web asset of Twinning.Module, found through the build's manifest as in
        // Development (a published site has it under wwwroot/_content instead).
        builder.UseStaticWebAssets();
        builder.UseSetting("Twinning:DataPath", DataPath);
        builder.UseSetting("Twinning:Database:Provider", _provider);
        builder.UseSetting("Twinning:Setup:RunRecipe", _runRecipe ? "true" : "false");
        // The tests' webhook receivers listen on loopback; WebhookNetworkTests turn this off again.
        builder.UseSetting("Twinning:Webhooks:AllowPrivateNetworks", "true");
        if (_postgresDatabase is not null)
        {
            builder.UseSetting("Twinning:Database:ConnectionString", new NpgsqlConnectionStringBuilder(Providers.PostgresServer) { Database = _postgresDatabase }.ConnectionString);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        // Every site hashes its administrator's password and most tests sign in: at the site's 100,000 PBKDF2
        // iterations that was a twentieth of the run's CPU. Test sites hash with fewer; a hash names its own count, so
        // signing in works the same. PasswordHashingTests checks the count the site itself uses.
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        if (!GeneratesApiKeys)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IApiKeyGenerator>(ReusedApiKeys.Instance));
        }
    }

    /// <summary>Runs work in a request-like scope of the app's services.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<RecipeResult> RunRecipeAsync(string json, string? basePath = null, IReadOnlyDictionary<string, string>? parameters = null)
        => Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(json, basePath,
            new RecipeRunOptions { UserName = "tester", Parameters = parameters ?? new Dictionary<string, string>() });

    public Task<ContentSaveResult> SaveAsync(ContentItem item, bool publish = true)
        => InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(item, publish, "tester"));

    private bool _cleanedUp;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || _cleanedUp)
        {
            return;
        }
        _cleanedUp = true;
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Providers.PostgresServer);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDataPath)
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}

public static class Providers
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Both storage providers, for theories that must hold on each.</summary>
    public static TheoryData<string> All => [Sqlite, Postgres];

    /// <summary>The PostgreSQL server the tests create their databases on. .ci/run starts one and sets it;
    /// without it the PostgreSQL cases fail with this message rather than pass unseen.</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable("TWINNING_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "TWINNING_TEST_POSTGRES is not set. Run 'bash .ci/run', which starts PostgreSQL, or set it to a server's connection string (for example Host=127.0.0.1;Port=55432;Username=postgres).");
}

internal sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(log);

    public void Dispose()
    {
    }

    private sealed class QueueLogger(ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => log.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
