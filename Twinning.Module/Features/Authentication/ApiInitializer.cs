using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Authentication;

/// <summary>
/// Work that needs the migrated database and runs once, before the first request is authenticated: load (or make)
/// the token keys and write the API clients listed in configuration. Setup migrates the database in a hosted
/// service, and hosted services finish starting before the first request is served.
/// </summary>
public sealed class ApiInitializer(ApiSigningKeys keys, IServiceScopeFactory scopes, IOptions<ApiOptions> options, ILogger<ApiInitializer> logger)
{
    private readonly Lock _lock = new();
    private Task? _running;
    private volatile bool _done;

    public Task EnsureAsync()
    {
        if (_done)
        {
            return Task.CompletedTask;
        }
        lock (_lock)
        {
            if (_running is null || _running.IsFaulted || _running.IsCanceled)
            {
                _running = RunAsync();
            }
            return _running;
        }
    }

    private async Task RunAsync()
    {
        await keys.GetAsync();
        foreach (var client in options.Value.Clients)
        {
            await SyncAsync(client);
        }
        if (options.Value.Clients.Count > 0)
        {
            logger.LogInformation("API clients from configuration: {Clients}.", string.Join(", ", options.Value.Clients.Select(c => c.ClientId)));
        }
        _done = true;
    }

    private async Task SyncAsync(ApiClientOptions client)
    {
        var entry = new ApiClient(client.ClientId.Trim(), client.ClientSecret, client.DisplayName, client.Roles);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ApiClientService>().SaveAsync(entry);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another instance wrote the same client at the same moment; the second pass updates it.
            }
        }
    }
}
