using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Reviews;

/// <summary>An editor who may not publish an item asks someone who may to review its draft: who asked, when, and their
/// note. One open request per item (asking again replaces it); it ends when the item is published or deleted. Table
/// <c>ReviewRequests</c> (migration 0021).</summary>
public sealed class ReviewRequestRecord
{
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTime RequestedUtc { get; set; }

    /// <summary>The note saved with the draft, if any (at most <see cref="ContentRevisionRecord.MaxNoteLength"/>).</summary>
    public string? Note { get; set; }
}

public sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequestRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRequestRecord> builder)
    {
        builder.ToTable("ReviewRequests");
        builder.HasKey(r => r.ContentItemId);
        builder.Property(r => r.ContentItemId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(r => r.ContentType).HasMaxLength(255);
        builder.Property(r => r.UserId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(r => r.UserName).HasMaxLength(255);
        builder.Property(r => r.Note).HasMaxLength(ContentRevisionRecord.MaxNoteLength);
        builder.HasIndex(r => r.RequestedUtc);
    }
}
