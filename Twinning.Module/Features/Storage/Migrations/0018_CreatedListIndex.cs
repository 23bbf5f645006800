using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Twinning.Module.Features.Storage.Migrations;

/// <summary>
/// The order GraphQL lists take when none is asked for, as in Orchard Core: the newest items first
/// (<c>CreatedUtc</c> descending). Like the list indexes of 0006 it covers published versions only and ends with the
/// id, so the first page of a type reads its entries in order instead of sorting every published item of the type.
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0018_CreatedListIndex")]
public sealed class CreatedListIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateIndex("IX_ContentItemVersions_Published_Type_CreatedUtc", "ContentItemVersions",
            ["ContentType", "CreatedUtc", "Id"], filter: "\"Published\"");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex("IX_ContentItemVersions_Published_Type_CreatedUtc", "ContentItemVersions");
}
