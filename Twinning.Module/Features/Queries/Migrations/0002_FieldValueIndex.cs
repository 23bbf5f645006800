using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Storage.Migrations;

namespace Twinning.Module.Features.Queries.Migrations;

/// <summary>The field value index (<see cref="ContentFieldValueRecord"/>). Versions stored before it exist
/// have no rows until <see cref="FieldValueIndexer.RebuildAsync"/> runs.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0002_FieldValueIndex")]
public sealed class FieldValueIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentFieldValues",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ContentItemVersionRecordId = table.Column<long>(nullable: false),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                PartName = table.Column<string>(maxLength: 255, nullable: false),
                FieldName = table.Column<string>(maxLength: 255, nullable: false),
                TextValue = table.Column<string>(maxLength: ContentFieldValueRecord.MaxTextLength, nullable: true),
                NumberValue = table.Column<decimal>(nullable: true),
                BooleanValue = table.Column<bool>(nullable: true),
                DateValue = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentFieldValues", x => x.Id);
                table.ForeignKey("FK_ContentFieldValues_ContentItemVersions_ContentItemVersionRecordId", x => x.ContentItemVersionRecordId,
                    "ContentItemVersions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ContentFieldValues_ContentItemVersionRecordId", "ContentFieldValues", "ContentItemVersionRecordId");
        migrationBuilder.CreateIndex("IX_ContentFieldValues_PartName_FieldName_TextValue", "ContentFieldValues", ["PartName", "FieldName", "TextValue"]);
        migrationBuilder.CreateIndex("IX_ContentFieldValues_PartName_FieldName_NumberValue", "ContentFieldValues", ["PartName", "FieldName", "NumberValue"]);
        migrationBuilder.CreateIndex("IX_ContentFieldValues_PartName_FieldName_DateValue", "ContentFieldValues", ["PartName", "FieldName", "DateValue"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ContentFieldValues");
}
