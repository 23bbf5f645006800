using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Webhooks;

/// <summary>The <c>X-Twinning-Signature</c> value: <c>sha256=</c> and the hex HMAC-SHA256 of <c>{timestamp}.{body}</c>.</summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Compute(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

/// <summary>
/// Sends due deliveries from the <c>WebhookDeliveries</c> table. A delivery is claimed by a conditional
/// UPDATE of its own row (still pending, due, and not locked by a live claim), so instances sharing a
/// database never send the same attempt twice; a claim that dies with its instance expires and is taken over.
/// </summary>
public sealed class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    WebhookSignal signal,
    IOptions<WebhooksOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "Twinning.Webhooks";
    private const int BatchSize = 20;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        // Setup migrates the database in its StartAsync: the first pass waits until every hosted service has started.
        => lifetime.RunPassesAsync(signal, clock, () => options.Value.PollInterval, SendDueAsync, logger, "Sending webhooks", stoppingToken);

    /// <summary>Sends every due delivery; returns how long to wait before the next one falls due.</summary>
    internal async Task<TimeSpan> SendDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var claimed = await ClaimAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                return await TimeToNextAsync(cancellationToken);
            }
            // Receivers are sent to in parallel; each one gets its deliveries one at a time, oldest first.
            await Task.WhenAll(claimed.GroupBy(c => c.SubscriptionId).Select(async group =>
            {
                foreach (var (id, token, _) in group)
                {
                    try
                    {
                        await SendAsync(id, token, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A sender that is still running must not sit on a claim it could not finish until the
                        // claim expires: give the delivery back so the next pass (here or elsewhere) sends it.
                        logger.LogError(e, "Sending webhook delivery {Id} failed; it is released for another attempt.", id);
                        await ReleaseAsync(id, token, cancellationToken);
                    }
                }
            }));
        }
    }

    private async Task<List<(long Id, string Token, string SubscriptionId)>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var deliveries = scope.ServiceProvider.GetRequiredService<TwinningDbContext>().Set<WebhookDeliveryRecord>();
        var now = Now();
        var due = await deliveries.AsNoTracking()
            .Where(d => d.Status == WebhookStatuses.Pending && d.NextAttemptUtc <= now && (d.LockedUntilUtc == null || d.LockedUntilUtc <= now))
            .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.SubscriptionId })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        // Long enough for the request and for writing its outcome; a claim outliving its instance expires then.
        var lockedUntil = now + (options.Value.Timeout * 2) + TimeSpan.FromSeconds(30);
        var claimed = new List<(long, string, string)>();
        foreach (var (id, subscriptionId) in due.Select(d => (d.Id, d.SubscriptionId)))
        {
            var token = IdGenerator.New();
            // The WHERE repeats the conditions on the row itself: of two instances racing for it, the
            // database lets exactly one UPDATE match.
            var rows = await deliveries
                .Where(d => d.Id == id && d.Status == WebhookStatuses.Pending && d.NextAttemptUtc <= now && (d.LockedUntilUtc == null || d.LockedUntilUtc <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntilUtc, lockedUntil).SetProperty(d => d.ClaimToken, token), cancellationToken);
            if (rows == 1)
            {
                claimed.Add((id, token, subscriptionId));
            }
        }
        return claimed;
    }

    private async Task ReleaseAsync(long id, string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TwinningDbContext>().Set<WebhookDeliveryRecord>()
            .Where(d => d.Id == id && d.ClaimToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntilUtc, (DateTime?)null).SetProperty(d => d.ClaimToken, (string?)null), cancellationToken);
    }

    private async Task<TimeSpan> TimeToNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var deliveries = scope.ServiceProvider.GetRequiredService<TwinningDbContext>().Set<WebhookDeliveryRecord>();
        // Deliveries locked by a sender that died are not counted here: the poll interval bounds the wait for them.
        var next = await deliveries.AsNoTracking()
            .Where(d => d.Status == WebhookStatuses.Pending && d.LockedUntilUtc == null)
            .OrderBy(d => d.NextAttemptUtc)
            .Select(d => (DateTime?)d.NextAttemptUtc)
            .FirstOrDefaultAsync(cancellationToken);
        var poll = options.Value.PollInterval;
        if (next is null)
        {
            return poll;
        }
        var wait = DateTime.SpecifyKind(next.Value, DateTimeKind.Utc) - Now();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait < poll ? wait : poll;
    }

    private async Task SendAsync(long id, string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
        var delivery = await db.Set<WebhookDeliveryRecord>().FirstOrDefaultAsync(d => d.Id == id && d.ClaimToken == token, cancellationToken);
        if (delivery is null)
        {
            return;
        }
        var subscription = await db.Set<WebhookSubscriptionRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var now = Now();
        delivery.LockedUntilUtc = null;
        delivery.ClaimToken = null;
        if (subscription is not { Enabled: true })
        {
            // Nothing to send to any more: recorded as failed without an attempt.
            delivery.Status = WebhookStatuses.Failed;
            delivery.LastError = "The subscription is disabled.";
            delivery.CompletedUtc = now;
        }
        else
        {
            var started = clock.GetTimestamp();
            var (statusCode, error) = await PostAsync(subscription, delivery, cancellationToken);
            delivery.LastDurationMs = (int)Math.Min(int.MaxValue, clock.GetElapsedTime(started).TotalMilliseconds);
            now = Now();
            delivery.Attempts++;
            delivery.LastAttemptUtc = now;
            delivery.LastStatusCode = statusCode;
            delivery.LastError = error is { Length: > 2048 } ? error[..2048] : error;
            if (error is null)
            {
                delivery.Status = WebhookStatuses.Succeeded;
                delivery.CompletedUtc = now;
            }
            else if (delivery.Attempts >= options.Value.MaxAttempts)
            {
                delivery.Status = WebhookStatuses.Failed;
                delivery.CompletedUtc = now;
                logger.LogWarning("Webhook delivery {DeliveryId} ({Event} of {ContentItemId}) to '{Subscription}' failed after {Attempts} attempts: {Error}",
                    delivery.Id, delivery.Event, delivery.ContentItemId, subscription.Name, delivery.Attempts, error);
            }
            else
            {
                delivery.NextAttemptUtc = now + options.Value.DelayAfter(delivery.Attempts);
            }
        }
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} was taken over by another sender while this one waited for the receiver.", delivery.Id);
        }
    }

    private async Task<(int? StatusCode, string? Error)> PostAsync(WebhookSubscriptionRecord subscription, WebhookDeliveryRecord delivery, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Twinning-Webhooks", "1.0"));
        request.Headers.Add("X-Twinning-Event", delivery.Event);
        request.Headers.Add("X-Twinning-Delivery", delivery.EventId);
        request.Headers.Add("X-Twinning-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Twinning-Signature", WebhookSignature.Compute(subscription.Secret, timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, $"The receiver answered {code} {response.ReasonPhrase}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"The receiver did not answer within {options.Value.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
    }

    private DateTime Now()
    {
        // Whole milliseconds, as the content engine stores times: both providers round-trip them exactly.
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
