using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// Indexes for the admin's content list at 100,000 items, over the latest version of each item:
/// <list type="bullet">
/// <item>the list of all content, the most recently changed first: (<c>ModifiedUtc</c>, <c>Id</c>, <c>ContentType</c>,
/// <c>DisplayText</c>) replaces (<c>ModifiedUtc</c>, <c>Id</c>). The list reads it in order and checks each entry's type
/// and the title search in the index itself, so a page and the entries before it (a deep page) are read without their
/// rows;</item>
/// <item>the title search and the title order of one type or all: (<c>ContentType</c>, <c>DisplayText</c>, <c>Id</c>),
/// as the published lists have it (<c>0006_PublishedListIndexes</c>). Searching the titles reads this small index
/// instead of every row with its JSON.</item>
/// </list>
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0019_AdminListIndexes")]
public sealed class AdminListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_ModifiedUtc", "ContentItemVersions");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_ModifiedUtc_Type_Title", "ContentItemVersions",
            ["ModifiedUtc", "Id", "ContentType", "DisplayText"], filter: "\"Latest\"");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_Type_DisplayText", "ContentItemVersions",
            ["ContentType", "DisplayText", "Id"], filter: "\"Latest\"");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_Type_DisplayText", "ContentItemVersions");
        migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_ModifiedUtc_Type_Title", "ContentItemVersions");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_ModifiedUtc", "ContentItemVersions",
            ["ModifiedUtc", "Id"], filter: "\"Latest\"");
    }
}
