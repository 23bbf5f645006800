using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Reviews.Migrations;

/// <summary>"Save and ask for review": the open review request of an item, one row per item (<see cref="ReviewRequestRecord"/>).</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0021_ReviewRequests")]
public sealed class ReviewRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReviewRequests",
            columns: table => new
            {
                ContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                UserId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                UserName = table.Column<string>(maxLength: 255, nullable: false),
                RequestedUtc = table.Column<DateTime>(nullable: false),
                Note = table.Column<string>(maxLength: ContentRevisionRecord.MaxNoteLength, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ReviewRequests", x => x.ContentItemId));
        migrationBuilder.CreateIndex("IX_ReviewRequests_RequestedUtc", "ReviewRequests", ["RequestedUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ReviewRequests");
}
