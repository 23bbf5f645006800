using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// An index on every version's item id. The partial indexes of the first schema serve "latest" and
/// "published" look-ups only; reading an item's whole history (and a new item's check for earlier versions)
/// scanned the table, which made each write slower as the site grew.
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0005_ContentItemIdIndex")]
public sealed class ContentItemIdIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateIndex("IX_ContentItemVersions_ContentItemId", "ContentItemVersions", "ContentItemId");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex("IX_ContentItemVersions_ContentItemId", "ContentItemVersions");
}
