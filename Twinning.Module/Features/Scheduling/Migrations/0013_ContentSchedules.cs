using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Storage.Migrations;

namespace Twinning.Module.Features.Scheduling.Migrations;

/// <summary>Publish later and unpublish later: one row per scheduled change (<see cref="ContentScheduleRecord"/>).</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0013_ContentSchedules")]
public sealed class ContentSchedules : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentSchedules",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                DueUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                UserName = table.Column<string>(maxLength: 255, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ClaimedUtc = table.Column<DateTime>(nullable: true),
                CompletedUtc = table.Column<DateTime>(nullable: true),
                Problem = table.Column<string>(maxLength: 16, nullable: true),
                Permission = table.Column<string>(maxLength: 64, nullable: true),
                Detail = table.Column<string>(maxLength: ContentScheduleRecord.DetailLength, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ContentSchedules", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContentSchedules_Status_DueUtc", "ContentSchedules", ["Status", "DueUtc"]);
        migrationBuilder.CreateIndex("IX_ContentSchedules_ContentItemId_Id", "ContentSchedules", ["ContentItemId", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ContentSchedules");
}
