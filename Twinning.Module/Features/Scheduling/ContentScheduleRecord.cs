using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Scheduling;

/// <summary>What a schedule does when it falls due.</summary>
public static class ScheduledActions
{
    public const string Publish = "Publish";
    public const string Unpublish = "Unpublish";
}

/// <summary>Where a schedule stands.</summary>
public static class ScheduleStatuses
{
    /// <summary>Waiting for its time.</summary>
    public const string Pending = "Pending";

    /// <summary>Being carried out (claimed by one instance of the site).</summary>
    public const string Running = "Running";

    /// <summary>Carried out.</summary>
    public const string Done = "Done";

    /// <summary>Refused when it fell due; <see cref="ContentScheduleRecord.Problem"/> says why.</summary>
    public const string Refused = "Refused";

    /// <summary>Cancelled by an editor.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>Dropped: the item was deleted before its time.</summary>
    public const string Dropped = "Dropped";
}

/// <summary>Why a schedule was refused when it fell due (<see cref="ContentScheduleRecord.Problem"/>).</summary>
public static class ScheduleProblems
{
    /// <summary>The user who scheduled it may no longer publish the item (<see cref="ContentScheduleRecord.Permission"/>).</summary>
    public const string Denied = "Denied";

    /// <summary>The user who scheduled it no longer exists or is disabled.</summary>
    public const string UserGone = "UserGone";

    /// <summary>The item's latest version breaks a rule (<see cref="ContentScheduleRecord.Detail"/>: the messages).</summary>
    public const string Invalid = "Invalid";

    /// <summary>Nothing to publish or unpublish (the item is not on the site, for an unpublish).</summary>
    public const string Nothing = "Nothing";

    /// <summary>Carrying it out failed (<see cref="ContentScheduleRecord.Detail"/>: the error); the log has more.</summary>
    public const string Error = "Error";
}

/// <summary>A publish or unpublish of one item at a given time, by the user who scheduled it. Table
/// <c>ContentSchedules</c> (migration 0013).</summary>
public sealed class ContentScheduleRecord
{
    public const int DetailLength = 1024;

    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";

    /// <summary><see cref="ScheduledActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>When it is to happen (UTC).</summary>
    public DateTime DueUtc { get; set; }

    /// <summary>The user it runs as: their permissions are checked again when it falls due.</summary>
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary><see cref="ScheduleStatuses"/>.</summary>
    public string Status { get; set; } = ScheduleStatuses.Pending;

    /// <summary>When an instance claimed it to carry it out; a claim older than
    /// <see cref="ContentScheduleRunner.ClaimTimeout"/> (its instance stopped meanwhile) is taken over.</summary>
    public DateTime? ClaimedUtc { get; set; }

    /// <summary>When it was carried out, refused, cancelled or dropped.</summary>
    public DateTime? CompletedUtc { get; set; }

    /// <summary>For a refused schedule: <see cref="ScheduleProblems"/>.</summary>
    public string? Problem { get; set; }

    /// <summary>For <see cref="ScheduleProblems.Denied"/>: the permission the user lacked.</summary>
    public string? Permission { get; set; }

    /// <summary>For <see cref="ScheduleProblems.Invalid"/>: the rules' messages, in English.</summary>
    public string? Detail { get; set; }
}

public sealed class ContentScheduleConfiguration : IEntityTypeConfiguration<ContentScheduleRecord>
{
    public void Configure(EntityTypeBuilder<ContentScheduleRecord> builder)
    {
        builder.ToTable("ContentSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ContentItemId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(s => s.ContentType).HasMaxLength(255);
        builder.Property(s => s.Action).HasMaxLength(16);
        builder.Property(s => s.UserId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(s => s.UserName).HasMaxLength(255);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Problem).HasMaxLength(16);
        builder.Property(s => s.Permission).HasMaxLength(64);
        builder.Property(s => s.Detail).HasMaxLength(ContentScheduleRecord.DetailLength);
        builder.HasIndex(s => new { s.Status, s.DueUtc });
        builder.HasIndex(s => new { s.ContentItemId, s.Id });
    }
}
