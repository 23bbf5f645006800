using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Twinning.Module.Features.Hosting;

/// <summary>Wakes a background worker when there is new work in this instance, between its regular looks.</summary>
public class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout passed: time to look for due work.
        }
    }
}

public static class BackgroundWork
{
    /// <summary>Returns once every hosted service has started. Setup migrates the database in its StartAsync, which may
    /// run after a background service's: a worker waits for this before its first query, so the tables exist.</summary>
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    /// <summary>A background worker's life: once the host has started, runs <paramref name="pass"/> (which returns how
    /// long to wait before the next one), then waits that long or until <paramref name="signal"/> wakes it, until the
    /// host stops. A failing pass is logged and tried again after <paramref name="pollInterval"/>.</summary>
    public static async Task RunPassesAsync(this IHostApplicationLifetime lifetime, WakeSignal signal, TimeProvider clock, Func<TimeSpan> pollInterval,
        Func<CancellationToken, Task<TimeSpan>> pass, ILogger logger, string work, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(pollInterval);
        ArgumentNullException.ThrowIfNull(pass);
        await lifetime.WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = pollInterval();
            try
            {
                wait = await pass(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Work} failed; trying again in {Wait}.", work, wait);
            }
            await signal.WaitAsync(wait, clock, stoppingToken);
        }
    }
}
