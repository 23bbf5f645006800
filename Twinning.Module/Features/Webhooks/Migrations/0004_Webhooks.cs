using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Storage.Migrations;

namespace Twinning.Module.Features.Webhooks.Migrations;

/// <summary>Webhook subscriptions and their delivery log. The payload is plain text on both providers
/// (not jsonb) because it must stay byte for byte what was signed.</summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0004_Webhooks")]
public sealed class WebhooksSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WebhookSubscriptions",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                Name = table.Column<string>(maxLength: 255, nullable: false),
                Url = table.Column<string>(maxLength: 2048, nullable: false),
                Secret = table.Column<string>(maxLength: 512, nullable: false),
                Events = table.Column<string>(maxLength: 255, nullable: false),
                ContentTypes = table.Column<string>(maxLength: 4000, nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                Source = table.Column<string>(maxLength: 32, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WebhookSubscriptions", x => x.Id));
        migrationBuilder.CreateIndex("IX_WebhookSubscriptions_Name", "WebhookSubscriptions", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "WebhookDeliveries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                SubscriptionId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                EventId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                Event = table.Column<string>(maxLength: 32, nullable: false),
                ContentItemId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: false),
                ContentItemVersionId = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: true),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                Payload = table.Column<string>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                NextAttemptUtc = table.Column<DateTime>(nullable: false),
                LockedUntilUtc = table.Column<DateTime>(nullable: true),
                ClaimToken = table.Column<string>(maxLength: TwinningDbContext.IdLength, nullable: true),
                LastStatusCode = table.Column<int>(nullable: true),
                LastError = table.Column<string>(maxLength: 2048, nullable: true),
                LastAttemptUtc = table.Column<DateTime>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                CompletedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                table.ForeignKey("FK_WebhookDeliveries_WebhookSubscriptions_SubscriptionId", x => x.SubscriptionId,
                    "WebhookSubscriptions", "Id", onDelete: ReferentialAction.Cascade);
            });
        // The sender's query for due work, and the delivery log of one subscription, newest first.
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_Status_NextAttemptUtc", "WebhookDeliveries", ["Status", "NextAttemptUtc"]);
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_SubscriptionId_Id", "WebhookDeliveries", ["SubscriptionId", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("WebhookDeliveries");
        migrationBuilder.DropTable("WebhookSubscriptions");
    }
}
