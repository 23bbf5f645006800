using Microsoft.EntityFrameworkCore;

namespace Twinning.Module.Features.Storage;

public sealed class TwinningDbContext(DbContextOptions<TwinningDbContext> options) : DbContext(options)
{
    /// <summary>Orchard's id length; item and version ids never exceed it.</summary>
    public const int IdLength = 26;

    public DbSet<ContentItemVersionRecord> ContentItemVersions => Set<ContentItemVersionRecord>();
    public DbSet<ContentReferenceRecord> ContentReferences => Set<ContentReferenceRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<UserRoleRecord> UserRoles => Set<UserRoleRecord>();
    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();

    public bool IsPostgres => Database.ProviderName == StorageProviders.PostgresProviderName;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var json = IsPostgres ? "jsonb" : "TEXT";

        modelBuilder.Entity<ContentItemVersionRecord>(e =>
        {
            e.ToTable("ContentItemVersions");
            e.HasKey(v => v.Id);
            e.Property(v => v.ContentItemId).HasMaxLength(IdLength);
            e.Property(v => v.ContentItemVersionId).HasMaxLength(IdLength);
            e.Property(v => v.ContentType).HasMaxLength(255);
            e.Property(v => v.DisplayText).HasMaxLength(1024);
            e.Property(v => v.Owner).HasMaxLength(255);
            e.Property(v => v.Author).HasMaxLength(255);
            e.Property(v => v.Culture).HasMaxLength(16);
            e.Property(v => v.LocalizationSet).HasMaxLength(IdLength);
            e.Property(v => v.ListContentItemId).HasMaxLength(IdLength);
            e.Property(v => v.Path).HasMaxLength(1024);
            e.Property(v => v.Content).HasColumnType(json);
            e.HasIndex(v => v.ContentItemVersionId).IsUnique();
            e.HasIndex(v => v.ContentItemId, "IX_ContentItemVersions_ContentItemId");
            e.HasIndex(v => v.ContentItemId, "IX_ContentItemVersions_Latest").IsUnique().HasFilter("\"Latest\"");
            e.HasIndex(v => v.ContentItemId, "IX_ContentItemVersions_Published").IsUnique().HasFilter("\"Published\"");
            e.HasIndex(v => new { v.ContentType, v.Published, v.Latest });
            e.HasIndex(v => new { v.ContentType, v.Culture, v.DisplayText, v.Id }, "IX_ContentItemVersions_Published_Type_Culture_DisplayText").HasFilter("\"Published\"");
            e.HasIndex(v => new { v.ContentType, v.DisplayText, v.Id }, "IX_ContentItemVersions_Published_Type_DisplayText").HasFilter("\"Published\"");
            e.HasIndex(v => new { v.ContentType, v.PublishedUtc, v.Id }, "IX_ContentItemVersions_Published_Type_PublishedUtc").HasFilter("\"Published\"");
            e.HasIndex(v => new { v.ContentType, v.CreatedUtc, v.Id }, "IX_ContentItemVersions_Published_Type_CreatedUtc").HasFilter("\"Published\"").IsDescending(false, true, false);
            e.HasIndex(v => new { v.ContentType, v.ModifiedUtc, v.Id }, "IX_ContentItemVersions_Latest_Type_ModifiedUtc").HasFilter("\"Latest\"").IsDescending(false, true, false);
            e.HasIndex(v => new { v.ModifiedUtc, v.Id, v.ContentType, v.DisplayText }, "IX_ContentItemVersions_Latest_ModifiedUtc_Type_Title").HasFilter("\"Latest\"").IsDescending(true, false, false, false);
            e.HasIndex(v => new { v.ContentType, v.DisplayText, v.Id }, "IX_ContentItemVersions_Latest_Type_DisplayText").HasFilter("\"Latest\"");
            e.HasIndex(v => v.Path);
            e.HasIndex(v => new { v.LocalizationSet, v.Culture });
            e.HasIndex(v => new { v.ListContentItemId, v.ListOrder });
            e.HasMany(v => v.References).WithOne().HasForeignKey(r => r.ContentItemVersionRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(v => v.MediaReferences).WithOne().HasForeignKey(r => r.ContentItemVersionRecordId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ContentMediaReferenceRecord>(e =>
        {
            e.ToTable("ContentMediaReferences");
            e.HasKey(r => r.Id);
            e.Property(r => r.FieldPath).HasMaxLength(512);
            e.Property(r => r.MediaPath).HasMaxLength(ContentMediaReferenceRecord.MaxPathLength);
            e.HasIndex(r => r.MediaPath);
            e.HasIndex(r => r.ContentItemVersionRecordId);
        });

        modelBuilder.Entity<ContentReferenceRecord>(e =>
        {
            e.ToTable("ContentReferences");
            e.HasKey(r => r.Id);
            e.Property(r => r.SourceContentItemId).HasMaxLength(IdLength);
            e.Property(r => r.TargetContentItemId).HasMaxLength(IdLength);
            e.Property(r => r.FieldPath).HasMaxLength(512);
            e.HasIndex(r => r.TargetContentItemId);
        });

        modelBuilder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(d => d.Name);
            e.Property(d => d.Name).HasMaxLength(128);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.Content).HasColumnType(json);
        });

        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("Users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(IdLength);
            e.Property(u => u.UserName).HasMaxLength(255);
            e.Property(u => u.NormalizedUserName).HasMaxLength(255);
            e.Property(u => u.Email).HasMaxLength(255);
            e.Property(u => u.AuthenticatorKey).HasMaxLength(64);
            e.Property(u => u.Culture).HasMaxLength(16);
            e.HasIndex(u => u.NormalizedUserName).IsUnique();
            e.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserRoleRecord>(e =>
        {
            e.ToTable("UserRoles");
            e.HasKey(r => new { r.UserId, r.RoleName });
            e.Property(r => r.UserId).HasMaxLength(IdLength);
            e.Property(r => r.RoleName).HasMaxLength(255);
        });

        modelBuilder.Entity<AuditEntryRecord>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.ContentItemId).HasMaxLength(IdLength);
            e.Property(a => a.ContentItemVersionId).HasMaxLength(IdLength);
            e.Property(a => a.ContentType).HasMaxLength(255);
            e.Property(a => a.UserName).HasMaxLength(AuditEntryRecord.TargetLength);
            e.Property(a => a.Target).HasMaxLength(AuditEntryRecord.TargetLength);
            e.Property(a => a.Detail).HasMaxLength(AuditEntryRecord.DetailLength);
            e.Property(a => a.Address).HasMaxLength(64);
            e.HasIndex(a => a.ContentItemId);
            e.HasIndex(a => a.Utc);
            e.HasIndex(a => a.Id, "IX_AuditEntries_Content").HasFilter("\"ContentItemId\" <> ''");
        });

        // Features that own tables (queries, API clients, webhooks) configure them in their own folders.
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TwinningDbContext).Assembly);
    }
}
