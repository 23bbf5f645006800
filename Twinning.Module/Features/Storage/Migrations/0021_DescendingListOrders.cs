using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// The list orders that are newest first by default (the admin's content list by <c>ModifiedUtc</c>, of all types and
/// of one; GraphQL's by <c>CreatedUtc</c>) break ties by id ascending, so their indexes hold the date descending and
/// the id ascending. With both ascending (<c>0018_ListOrderIndexes</c>, <c>0019_AdminListIndexes</c>) the database read
/// the entries in date order but sorted every run of them again for the id: a page in the middle of 100,000 items took
/// two to three times as long. Read from the other end (a list's last pages) the same indexes serve the reverse order.
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0021_DescendingListOrders")]
public sealed class DescendingListOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder, descending: true);

    protected override void Down(MigrationBuilder migrationBuilder) => Create(migrationBuilder, descending: false);

    private static void Create(MigrationBuilder migrationBuilder, bool descending)
    {
        migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_ModifiedUtc_Type_Title", "ContentItemVersions");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_ModifiedUtc_Type_Title", "ContentItemVersions",
            ["ModifiedUtc", "Id", "ContentType", "DisplayText"], filter: "\"Latest\"", descending: [descending, false, false, false]);
        migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_Type_ModifiedUtc", "ContentItemVersions");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_Type_ModifiedUtc", "ContentItemVersions",
            ["ContentType", "ModifiedUtc", "Id"], filter: "\"Latest\"", descending: [false, descending, false]);
        migrationBuilder.DropIndex("IX_ContentItemVersions_Published_Type_CreatedUtc", "ContentItemVersions");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Published_Type_CreatedUtc", "ContentItemVersions",
            ["ContentType", "CreatedUtc", "Id"], filter: "\"Published\"", descending: [false, descending, false]);
    }
}
