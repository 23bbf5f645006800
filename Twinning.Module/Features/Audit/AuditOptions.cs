using System.ComponentModel.DataAnnotations;

namespace Twinning.Module.Features.Audit;

/// <summary><c>Twinning:Audit</c>: how long the audit log keeps its entries.</summary>
public sealed class AuditOptions
{
    public const string Section = "Twinning:Audit";

    /// <summary>Entries older than this many days are deleted (checked at start and then every
    /// <see cref="TrimInterval"/>); 0 keeps them for ever.</summary>
    [Range(0, 36500)]
    public int RetentionDays { get; set; } = 365;

    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromHours(6);
}
