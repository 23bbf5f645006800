using System.ComponentModel.DataAnnotations;

namespace Twinning.Module.Features.Webhooks;

/// <summary><c>Twinning:Webhooks</c>: the retry schedule and subscriptions kept in configuration.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Twinning:Webhooks";

    /// <summary>The first retry delay; later ones are 4, 20, 120 and 720 times it (30 s, 2 min, 10 min, 1 h, 6 h).</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a delivery is given up as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long a receiver has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the sender looks for work queued by other instances sharing the database.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether webhooks may go to loopback, private and link-local addresses (receivers inside the site's own
    /// network). Off by default: see <see cref="WebhookNetworks"/>.</summary>
    public bool AllowPrivateNetworks { get; set; }

    public List<WebhookSubscriptionOptions> Subscriptions { get; set; } = [];

    private static readonly int[] BackoffFactors = [1, 4, 20, 120, 720];

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failed ones.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
        => Backoff * BackoffFactors[Math.Clamp(failedAttempts, 1, BackoffFactors.Length) - 1];
}

/// <summary>One subscription under <c>Twinning:Webhooks:Subscriptions:{n}</c>.</summary>
public sealed class WebhookSubscriptionOptions
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? Secret { get; set; }
    public List<string> Events { get; set; } = [];
    public List<string> ContentTypes { get; set; } = [];
    public bool Enabled { get; set; } = true;
}
