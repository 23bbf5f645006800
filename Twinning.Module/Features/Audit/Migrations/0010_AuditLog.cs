using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Audit.Migrations;

/// <summary>The content audit entries become the site-wide audit log: what an entry concerns when it is not a content
/// item (a user, a role, an API client), a short detail and the client's address. Indexes for the log's page (newest
/// first, by date) and for the site's change token, which follows content entries only.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0010_AuditLog")]
public sealed class AuditLogSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Target", "AuditEntries", maxLength: AuditEntryRecord.TargetLength, nullable: true);
        migrationBuilder.AddColumn<string>("Detail", "AuditEntries", maxLength: AuditEntryRecord.DetailLength, nullable: true);
        migrationBuilder.AddColumn<string>("Address", "AuditEntries", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_Utc", "AuditEntries", "Utc");
        migrationBuilder.CreateIndex("IX_AuditEntries_Content", "AuditEntries", "Id", filter: "\"ContentItemId\" <> ''");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_AuditEntries_Content", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_Utc", "AuditEntries");
        migrationBuilder.DropColumn("Address", "AuditEntries");
        migrationBuilder.DropColumn("Detail", "AuditEntries");
        migrationBuilder.DropColumn("Target", "AuditEntries");
    }
}
