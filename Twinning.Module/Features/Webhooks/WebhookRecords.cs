using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Webhooks;

/// <summary>A receiver told about content events of a site: where, which events, which content types.</summary>
public sealed class WebhookSubscriptionRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";

    /// <summary>The HMAC key; never returned by the API.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Event names separated by commas (<see cref="WebhookEvents"/>).</summary>
    public string Events { get; set; } = "";

    /// <summary>Content type names separated by commas; empty for every type.</summary>
    public string ContentTypes { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>Where the subscription is managed (<see cref="WebhookSources"/>).</summary>
    public string Source { get; set; } = WebhookSources.Recipe;

    public DateTime CreatedUtc { get; set; }

    public IReadOnlyList<string> EventList => Split(Events);

    public IReadOnlyList<string> ContentTypeList => Split(ContentTypes);

    public bool Matches(string eventName, string contentType)
        => Enabled
        && EventList.Contains(eventName, StringComparer.Ordinal)
        && (ContentTypes.Length == 0 || ContentTypeList.Contains(contentType, StringComparer.Ordinal));

    internal static string Join(IEnumerable<string> values) => string.Join(',', values);

    private static string[] Split(string values) => values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One event to send to one subscription, kept until it succeeds or runs out of attempts, so
/// deliveries survive restarts and any instance sharing the database can send them.</summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }
    public string SubscriptionId { get; set; } = "";
    public string EventId { get; set; } = "";
    public string Event { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public string? ContentItemVersionId { get; set; }
    public string ContentType { get; set; } = "";

    /// <summary>The JSON body, exactly as sent and signed.</summary>
    public string Payload { get; set; } = "";

    public int Attempts { get; set; }
    public string Status { get; set; } = WebhookStatuses.Pending;
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Set by the instance sending the delivery; another instance may take it over once it passes.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>Which claim holds the delivery; the outcome is written only by the claim that sent it.</summary>
    public string? ClaimToken { get; set; }

    public int? LastStatusCode { get; set; }

    /// <summary>How long the latest attempt waited for the receiver, in milliseconds.</summary>
    public int? LastDurationMs { get; set; }

    public string? LastError { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
}

public static class WebhookEvents
{
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Removed = "removed";

    public static IReadOnlyList<string> All { get; } = [Published, Unpublished, Removed];
}

public static class WebhookStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

public static class WebhookSources
{
    public const string Recipe = "recipe";
    public const string Configuration = "configuration";

    /// <summary>Made or last changed in the webhooks page (<c>/admin/webhooks</c>).</summary>
    public const string Admin = "admin";
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<WebhookSubscriptionRecord> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(s => s.Name).HasMaxLength(WebhookSubscriptionStore.MaxNameLength);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscriptionStore.MaxUrlLength);
        builder.Property(s => s.Secret).HasMaxLength(512);
        builder.Property(s => s.Events).HasMaxLength(255);
        builder.Property(s => s.ContentTypes).HasMaxLength(4000);
        builder.Property(s => s.Source).HasMaxLength(32);
        builder.Ignore(s => s.EventList);
        builder.Ignore(s => s.ContentTypeList);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.SubscriptionId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(d => d.EventId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(d => d.Event).HasMaxLength(32);
        builder.Property(d => d.ContentItemId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(d => d.ContentItemVersionId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(d => d.ContentType).HasMaxLength(255);
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.Property(d => d.ClaimToken).HasMaxLength(TwinningDbContext.IdLength).IsConcurrencyToken();
        builder.Property(d => d.LastError).HasMaxLength(2048);
        builder.HasIndex(d => new { d.Status, d.NextAttemptUtc });
        builder.HasIndex(d => new { d.SubscriptionId, d.Id });
        builder.HasOne<WebhookSubscriptionRecord>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
