using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Storage.Migrations;

namespace Twinning.Module.Features.ContentItems.Migrations;

/// <summary>Every save of an item kept as a revision (<see cref="ContentRevisionRecord"/>). The versions stored
/// before it become one revision each, so an item's history starts with what the site already held.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0011_ContentRevisions")]
public sealed class ContentRevisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentRevisions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentItemVersionId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                Utc = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 255, nullable: true),
                Published = table.Column<bool>(nullable: false),
                Note = table.Column<string>(maxLength: ContentRevisionRecord.MaxNoteLength, nullable: true),
                Content = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentRevisions", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContentRevisions_ContentItemId_Id", "ContentRevisions", ["ContentItemId", "Id"]);

        // jsonb is read back as text on PostgreSQL; SQLite stores the JSON as text already.
        var content = migrationBuilder.ActiveProvider == StorageProviders.PostgresProviderName ? "\"Content\"::text" : "\"Content\"";
        migrationBuilder.Sql($"""
            INSERT INTO "ContentRevisions" ("ContentItemId", "ContentItemVersionId", "ContentType", "Utc", "UserName", "Published", "Note", "Content")
            SELECT "ContentItemId", "ContentItemVersionId", "ContentType", COALESCE("ModifiedUtc", "CreatedUtc"), "Author", "Published", NULL, {content}
            FROM "ContentItemVersions"
            WHERE COALESCE("ModifiedUtc", "CreatedUtc") IS NOT NULL
            ORDER BY "Id"
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ContentRevisions");
}
