using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// Indexes for the lists front ends ask for most: the published items of a type, in one culture or all,
/// by display text or by publication date. They are partial (published versions only) and end with the id,
/// so a page of 20 reads 20 index entries in order instead of sorting every item of the type, and a total
/// is counted from the index alone. Without them a list over 100,000 items took about a second.
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0006_PublishedListIndexes")]
public sealed class PublishedListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Published_Type_Culture_DisplayText", "ContentItemVersions",
            ["ContentType", "Culture", "DisplayText", "Id"], filter: "\"Published\"");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Published_Type_DisplayText", "ContentItemVersions",
            ["ContentType", "DisplayText", "Id"], filter: "\"Published\"");
        migrationBuilder.CreateIndex("IX_ContentItemVersions_Published_Type_PublishedUtc", "ContentItemVersions",
            ["ContentType", "PublishedUtc", "Id"], filter: "\"Published\"");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContentItemVersions_Published_Type_Culture_DisplayText", "ContentItemVersions");
        migrationBuilder.DropIndex("IX_ContentItemVersions_Published_Type_DisplayText", "ContentItemVersions");
        migrationBuilder.DropIndex("IX_ContentItemVersions_Published_Type_PublishedUtc", "ContentItemVersions");
    }
}
