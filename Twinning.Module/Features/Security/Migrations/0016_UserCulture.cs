using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security.Migrations;

/// <summary>The admin language each user may choose in their profile; existing users have none and keep following
/// their browser.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0016_UserCulture")]
public sealed class UserCulture : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<string>("Culture", "Users", maxLength: 16, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn("Culture", "Users");
}
