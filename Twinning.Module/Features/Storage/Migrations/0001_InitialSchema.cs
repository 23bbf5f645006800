using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// The first schema. Migrations are written by hand rather than generated so that one migration serves
/// SQLite and PostgreSQL alike; provider-specific choices (jsonb, identity columns) are made here from
/// <see cref="MigrationBuilder.ActiveProvider"/>. Never edit a released migration: add the next one.
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0001_Initial")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == StorageProviders.PostgresProviderName;
        var json = postgres ? "jsonb" : "TEXT";

        migrationBuilder.CreateTable(
            name: "ContentItemVersions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentItemVersionId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                DisplayText = table.Column<string>(maxLength: 1024, nullable: true),
                Latest = table.Column<bool>(nullable: false),
                Published = table.Column<bool>(nullable: false),
                ModifiedUtc = table.Column<DateTime>(nullable: true),
                PublishedUtc = table.Column<DateTime>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: true),
                Owner = table.Column<string>(maxLength: 255, nullable: true),
                Author = table.Column<string>(maxLength: 255, nullable: true),
                Culture = table.Column<string>(maxLength: 16, nullable: true),
                LocalizationSet = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: true),
                ListContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: true),
                ListOrder = table.Column<int>(nullable: true),
                Path = table.Column<string>(maxLength: 1024, nullable: true),
                Content = table.Column<string>(type: json, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentItemVersions", x => x.Id));

        migrationBuilder.CreateIndex("IX_ContentItemVersions_ContentItemVersionId", "ContentItemVersions", "ContentItemVersionId", unique: true);
        // The database itself guarantees at most one latest and one published version per item.
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest", "ContentItemVersions", "ContentItemId", unique: true, filter: "\"Latest\"");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Published", "ContentItemVersions", "ContentItemId", unique: true, filter: "\"Published\"");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_ContentType_Published_Latest", "ContentItemVersions", ["ContentType", "Published", "Latest"]);
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Path", "ContentItemVersions", "Path");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_LocalizationSet_Culture", "ContentItemVersions", ["LocalizationSet", "Culture"]);
        migrationBuilder.CreateIndex("IX_ContentItemVersions_ListContentItemId_ListOrder", "ContentItemVersions", ["ListContentItemId", "ListOrder"]);

        migrationBuilder.CreateTable(
            name: "ContentReferences",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ContentItemVersionRecordId = table.Column<long>(nullable: false),
                SourceContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                FieldPath = table.Column<string>(maxLength: 512, nullable: false),
                TargetContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentReferences", x => x.Id);
                table.ForeignKey("FK_ContentReferences_ContentItemVersions_ContentItemVersionRecordId", x => x.ContentItemVersionRecordId,
                    "ContentItemVersions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ContentReferences_TargetContentItemId", "ContentReferences", "TargetContentItemId");
        migrationBuilder.CreateIndex("IX_ContentReferences_ContentItemVersionRecordId", "ContentReferences", "ContentItemVersionRecordId");

        migrationBuilder.CreateTable(
            name: "Documents",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 128, nullable: false),
                Version = table.Column<int>(nullable: false),
                Content = table.Column<string>(type: json, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Documents", x => x.Name));

        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                UserName = table.Column<string>(maxLength: 255, nullable: false),
                NormalizedUserName = table.Column<string>(maxLength: 255, nullable: false),
                Email = table.Column<string>(maxLength: 255, nullable: true),
                PasswordHash = table.Column<string>(nullable: false),
                SecurityStamp = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
        migrationBuilder.CreateIndex("IX_Users_NormalizedUserName", "Users", "NormalizedUserName", unique: true);

        migrationBuilder.CreateTable(
            name: "UserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                RoleName = table.Column<string>(maxLength: 255, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserRoles", x => new { x.UserId, x.RoleName });
                table.ForeignKey("FK_UserRoles_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                Utc = table.Column<DateTime>(nullable: false),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                ContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentItemVersionId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: true),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                UserName = table.Column<string>(maxLength: 255, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_ContentItemId", "AuditEntries", "ContentItemId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "AuditEntries", "UserRoles", "Users", "Documents", "ContentReferences", "ContentItemVersions" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}

internal static class ColumnBuilderExtensions
{
    /// <summary>An identity column on PostgreSQL and AUTOINCREMENT on SQLite; each provider reads only its own annotation.</summary>
    public static OperationBuilder<AddColumnOperation> AutoIncrement(this OperationBuilder<AddColumnOperation> column)
        => column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
