using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Core.Rules;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentItems;

/// <summary>
/// One save (or publication) of a content item as it was written: who, when, whether it went live, the editor's
/// optional note, and the whole item JSON. A draft saved over a draft keeps its version id, as in Orchard Core, so
/// the versions alone would keep only the last of those saves; the revisions keep every one, for the item's history,
/// comparison and restore. Written by <see cref="ContentManager"/> in the same transaction as the version.
/// </summary>
public sealed class ContentRevisionRecord
{
    /// <summary>The longest note an editor may write with a save.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>Why a note cannot be kept (too long), reported for <paramref name="field"/>; null when it can.</summary>
    public static ContentValidationError? NoteProblem(string field, string? note)
        => note?.Trim().Length > MaxNoteLength
            ? new ContentValidationError(field, RuleMessage.Of("Revision.NoteTooLong", ("max", MaxNoteLength)))
            : null;

    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";

    /// <summary>The version the save wrote to (several revisions may share one: drafts saved over a draft).</summary>
    public string ContentItemVersionId { get; set; } = "";

    public string ContentType { get; set; } = "";
    public DateTime Utc { get; set; }
    public string? UserName { get; set; }

    /// <summary>The version was published by this save.</summary>
    public bool Published { get; set; }

    public string? Note { get; set; }

    /// <summary>The item's JSON as written (plain text on both providers: it is read back whole, never queried).</summary>
    public string Content { get; set; } = "";
}

public sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevisionRecord>
{
    public void Configure(EntityTypeBuilder<ContentRevisionRecord> builder)
    {
        builder.ToTable("ContentRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ContentItemId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(r => r.ContentItemVersionId).HasMaxLength(TwinningDbContext.IdLength);
        builder.Property(r => r.ContentType).HasMaxLength(255);
        builder.Property(r => r.UserName).HasMaxLength(255);
        builder.Property(r => r.Note).HasMaxLength(ContentRevisionRecord.MaxNoteLength);
        builder.HasIndex(r => new { r.ContentItemId, r.Id });
    }
}
