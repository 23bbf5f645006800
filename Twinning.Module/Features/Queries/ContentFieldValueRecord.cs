using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries;

/// <summary>One text, number, boolean or date value of a field of one content item version, so that
/// queries filter and sort by field values without parsing the item JSON.</summary>
public sealed class ContentFieldValueRecord
{
    /// <summary>Longer texts are cut to this length in the index (the item JSON keeps them whole); it keeps
    /// the index entry well under PostgreSQL's B-tree limit and still covers titles, codes and names.</summary>
    public const int MaxTextLength = 256;

    public long Id { get; set; }
    public long ContentItemVersionRecordId { get; set; }
    public string ContentType { get; set; } = "";
    public string PartName { get; set; } = "";
    public string FieldName { get; set; } = "";
    public string? TextValue { get; set; }
    public decimal? NumberValue { get; set; }
    public bool? BooleanValue { get; set; }
    public DateTime? DateValue { get; set; }
}

public sealed class ContentFieldValueConfiguration : IEntityTypeConfiguration<ContentFieldValueRecord>
{
    public void Configure(EntityTypeBuilder<ContentFieldValueRecord> builder)
    {
        builder.ToTable("ContentFieldValues");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ContentType).HasMaxLength(255);
        builder.Property(f => f.PartName).HasMaxLength(255);
        builder.Property(f => f.FieldName).HasMaxLength(255);
        builder.Property(f => f.TextValue).HasMaxLength(ContentFieldValueRecord.MaxTextLength);
        builder.HasIndex(f => f.ContentItemVersionRecordId);
        builder.HasIndex(f => new { f.PartName, f.FieldName, f.TextValue });
        builder.HasIndex(f => new { f.PartName, f.FieldName, f.NumberValue });
        builder.HasIndex(f => new { f.PartName, f.FieldName, f.DateValue });
        builder.HasOne<ContentItemVersionRecord>().WithMany().HasForeignKey(f => f.ContentItemVersionRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
