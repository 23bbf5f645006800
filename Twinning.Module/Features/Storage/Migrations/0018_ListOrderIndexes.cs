using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// Indexes for two orders that lists take when none is asked for, each ending with the id so a page reads its entries
/// in order instead of sorting every candidate version:
/// <list type="bullet">
/// <item>GraphQL, as in Orchard Core: published items, the newest first (<c>CreatedUtc</c> descending);</item>
/// <item>the admin's content list: the latest version of every item, the most recently changed first
/// (<c>ModifiedUtc</c> descending), of one type or of all.</item>
/// </list>
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0018_ListOrderIndexes")]
public sealed class ListOrderIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Published_Type_CreatedUtc", "ContentItemVersions",
            ["ContentType", "CreatedUtc", "Id"], filter: "\"Published\"");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_Type_ModifiedUtc", "ContentItemVersions",
            ["ContentType", "ModifiedUtc", "Id"], filter: "\"Latest\"");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_ModifiedUtc", "ContentItemVersions",
            ["ModifiedUtc", "Id"], filter: "\"Latest\"");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContentItemVersions_Published_Type_CreatedUtc", "ContentItemVersions");
        migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_Type_ModifiedUtc", "ContentItemVersions");
        migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_ModifiedUtc", "ContentItemVersions");
    }
}
