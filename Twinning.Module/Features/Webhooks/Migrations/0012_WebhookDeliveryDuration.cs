using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Webhooks.Migrations;

/// <summary>How long the latest attempt of a delivery took, for the delivery log. Deliveries made before have none.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0012_WebhookDeliveryDuration")]
public sealed class WebhookDeliveryDuration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<int>("LastDurationMs", "WebhookDeliveries", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn("LastDurationMs", "WebhookDeliveries");
}
