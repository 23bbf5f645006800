using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Queries.Migrations;

/// <summary>
/// An index of the titles of every latest and published version for the title search ("contains", any case), so a
/// search matching a few items among 100,000 reads those items' entries instead of every title
/// (<see cref="TitleSearch"/>):
/// <list type="bullet">
/// <item>SQLite: an FTS5 table of trigrams (<c>ContentTitleSearch</c>, rowid = the version's <c>Id</c>), kept by
/// triggers on <c>ContentItemVersions</c>. FTS5 folds case over all of Unicode, where SQLite's own <c>lower</c> and
/// <c>LIKE</c> fold ASCII only.</item>
/// <item>PostgreSQL: a GIN index of the trigrams of <c>lower("DisplayText")</c> (<c>pg_trgm</c>, a trusted extension
/// since PostgreSQL 13, so a database owner may create it). Where the extension cannot be created the search still
/// works, reading every title as before, rather than failing the upgrade (README: Switching to PostgreSQL).</item>
/// </list>
/// </summary>
[DbContext(typeof(TwinningDbContext))]
[Migration("0020_TitleSearch")]
public sealed class TitleSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == StorageProviders.PostgresProviderName)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    CREATE EXTENSION IF NOT EXISTS pg_trgm;
                EXCEPTION WHEN OTHERS THEN
                    RAISE NOTICE 'pg_trgm could not be created (%): title searches read every title.', SQLERRM;
                END $$;
                """);
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX "IX_ContentItemVersions_TitleTrigrams" ON "ContentItemVersions"
                            USING gin (lower("DisplayText") gin_trgm_ops) WHERE "Latest" OR "Published";
                    END IF;
                END $$;
                """);
            return;
        }
        // Contentless (the titles live in ContentItemVersions); contentless_delete lets the triggers delete by rowid.
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE "ContentTitleSearch" USING fts5("DisplayText", content='', contentless_delete=1, tokenize='trigram');
            """);
        migrationBuilder.Sql("""
            INSERT INTO "ContentTitleSearch" (rowid, "DisplayText")
            SELECT "Id", "DisplayText" FROM "ContentItemVersions" WHERE "Latest" OR "Published";
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "ContentItemVersions_TitleSearch_Insert" AFTER INSERT ON "ContentItemVersions"
            WHEN new."Latest" OR new."Published"
            BEGIN
                INSERT INTO "ContentTitleSearch" (rowid, "DisplayText") VALUES (new."Id", new."DisplayText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "ContentItemVersions_TitleSearch_Update" AFTER UPDATE OF "DisplayText", "Latest", "Published" ON "ContentItemVersions"
            BEGIN
                DELETE FROM "ContentTitleSearch" WHERE rowid = old."Id";
                INSERT INTO "ContentTitleSearch" (rowid, "DisplayText") SELECT new."Id", new."DisplayText" WHERE new."Latest" OR new."Published";
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "ContentItemVersions_TitleSearch_Delete" AFTER DELETE ON "ContentItemVersions"
            BEGIN
                DELETE FROM "ContentTitleSearch" WHERE rowid = old."Id";
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == StorageProviders.PostgresProviderName)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_ContentItemVersions_TitleTrigrams";""");
            return;
        }
        migrationBuilder.Sql("""DROP TRIGGER "ContentItemVersions_TitleSearch_Delete";""");
        migrationBuilder.Sql("""DROP TRIGGER "ContentItemVersions_TitleSearch_Update";""");
        migrationBuilder.Sql("""DROP TRIGGER "ContentItemVersions_TitleSearch_Insert";""");
        migrationBuilder.Sql("""DROP TABLE "ContentTitleSearch";""");
    }
}
