using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Presence;

/// <summary>An editor who has an item's editor open: since when, and when their page last said so. One row per item and
/// user; a row not renewed for <see cref="EditingPresence.Expiry"/> no longer counts and is deleted by a later ping. In
/// the database, so that every instance of a site sees the same editors. Table <c>EditorPresence</c> (migration 0022).</summary>
public sealed class EditorPresenceRecord
{
    public string ContentItemId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";

    /// <summary>The first ping of this stay on the editor (a new one after the row expired).</summary>
    public DateTime SinceUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }
}

public sealed class EditorPresenceConfiguration : IEntityTypeConfiguration<EditorPresenceRecord>
{
    public void Configure(EntityTypeBuilder<EditorPresenceRecord> builder)
    {
        builder.ToTable("EditorPresence");
        builder.HasKey(p => new { p.ContentItemId, p.UserId });
        builder.Property(p => p.ContentItemId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(p => p.UserId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(p => p.UserName).HasMaxLength(255);
        builder.HasIndex(p => p.LastSeenUtc);
    }
}
