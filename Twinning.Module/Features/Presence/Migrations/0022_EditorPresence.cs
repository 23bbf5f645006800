using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Presence.Migrations;

/// <summary>Who has which item's editor open (<see cref="EditorPresenceRecord"/>): one row per item and editor.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0022_EditorPresence")]
public sealed class EditorPresence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EditorPresence",
            columns: table => new
            {
                ContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                UserId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                UserName = table.Column<string>(maxLength: 255, nullable: false),
                SinceUtc = table.Column<DateTime>(nullable: false),
                LastSeenUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_EditorPresence", x => new { x.ContentItemId, x.UserId }));
        migrationBuilder.CreateIndex("IX_EditorPresence_LastSeenUtc", "EditorPresence", ["LastSeenUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("EditorPresence");
}
