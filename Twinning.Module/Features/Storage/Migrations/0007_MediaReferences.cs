using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>The media files each version uses (<see cref="ContentMediaReferenceRecord"/>). Versions stored before it
/// are indexed once at start-up by <see cref="ContentItems.ContentIndexer.RebuildAsync"/>.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration(Name)]
public sealed class MediaReferences : Migration
{
    public const string Name = "0007_MediaReferences";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentMediaReferences",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ContentItemVersionRecordId = table.Column<long>(nullable: false),
                FieldPath = table.Column<string>(maxLength: 512, nullable: false),
                MediaPath = table.Column<string>(maxLength: ContentMediaReferenceRecord.MaxPathLength, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentMediaReferences", x => x.Id);
                table.ForeignKey("FK_ContentMediaReferences_ContentItemVersions_ContentItemVersionRecordId", x => x.ContentItemVersionRecordId,
                    "ContentItemVersions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ContentMediaReferences_MediaPath", "ContentMediaReferences", "MediaPath");
        migrationBuilder.CreateIndex("IX_ContentMediaReferences_ContentItemVersionRecordId", "ContentMediaReferences", "ContentItemVersionRecordId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ContentMediaReferences");
}
