using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security.Migrations;

/// <summary>What an account needs beyond its password: failed sign-ins and the lockout they lead to (with ASP.NET
/// Core Identity's column names), a temporary password to be changed at next sign-in, and disabling. Existing users
/// start unlocked, enabled and with passwords of their own.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0008_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("AccessFailedCount", "Users", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>("LockoutEnd", "Users", nullable: true);
        migrationBuilder.AddColumn<bool>("MustChangePassword", "Users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>("Disabled", "Users", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("AccessFailedCount", "Users");
        migrationBuilder.DropColumn("LockoutEnd", "Users");
        migrationBuilder.DropColumn("MustChangePassword", "Users");
        migrationBuilder.DropColumn("Disabled", "Users");
    }
}
