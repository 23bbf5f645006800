using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// The content pickers' search (<c>/admin/content/choices</c>): the latest version of the items of a few types whose
/// title contains what the editor typed, the first 20 by title. This partial index holds the type, the title and the
/// id of latest versions only, so the search reads a type's titles from the index in title order, checks the typed
/// text there, and reads only the versions it answers; without it every latest version of the types was read,
/// content included (some 20,000 partner cities at 100,000 items).
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0019_LatestTitleIndex")]
public sealed class LatestTitleIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateIndex("IX_ContentItemVersions_Latest_Type_DisplayText", "ContentItemVersions",
            ["ContentType", "DisplayText", "Id"], filter: "\"Latest\"");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex("IX_ContentItemVersions_Latest_Type_DisplayText", "ContentItemVersions");
}
