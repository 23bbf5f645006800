using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security.Migrations;

/// <summary>Two-factor sign-in with an authenticator app: the shared key, whether it is on, and the last code's
/// time step (so that a code is accepted once). Existing users start without it.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0009_TwoFactor")]
public sealed class TwoFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("AuthenticatorKey", "Users", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<bool>("TwoFactorEnabled", "Users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<long>("LastTotpStep", "Users", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("AuthenticatorKey", "Users");
        migrationBuilder.DropColumn("TwoFactorEnabled", "Users");
        migrationBuilder.DropColumn("LastTotpStep", "Users");
    }
}
