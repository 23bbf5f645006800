using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Bench;

/// <summary>
/// The least work that can answer the bench's GraphQL list (20 forums by title, their panels, their partner cities):
/// the same three reads as one uncached GraphQL request, as raw ADO.NET commands on the request's connection that
/// select version ids only, items taken from an unbounded dictionary of parsed versions (as if a stored version
/// stamp made reading the JSON unnecessary), the same permission checks, and the answer written by hand with a
/// <see cref="Utf8JsonWriter"/>. No GraphQL, no LINQ, no cache of answers. What this endpoint costs bounds from below
/// what any execution strategy for that query can cost in this host.
/// </summary>
internal static class FloorEndpoint
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
    private static readonly string[] Types = ["Forum", "Panel", "PartnerCity"];
    private static readonly ConcurrentDictionary<string, ContentItem> Parsed = new(StringComparer.Ordinal);

    public static void MapFloor(this IEndpointRouteBuilder routes)
        => routes.MapGet("/bench/floor-forums", async (HttpContext http, TwinningDbContext db, ContentItemCache cache, PermissionService permissions) =>
        {
            foreach (var type in Types)
            {
                if (!await permissions.HasPermissionAsync(http.User, Permissions.ViewContent, type))
                {
                    return Results.Forbid();
                }
            }
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(http.RequestAborted);
            try
            {
                var forums = await ReadAsync(connection, db, cache,
                    """SELECT "ContentItemVersionId", NULL FROM "ContentItemVersions" WHERE "Published" AND "ContentType" = 'Forum' ORDER BY "DisplayText", "Id" LIMIT 20""", null);
                var forumIds = forums.Select(f => f.Item.ContentItemId).ToList();
                var panels = await ReadAsync(connection, db, cache,
                    """SELECT "ContentItemVersionId", "ListContentItemId" FROM "ContentItemVersions" WHERE "Published" AND "ListContentItemId" IN (SELECT value FROM json_each(@keys)) ORDER BY "ListOrder", "Id" """, forumIds);
                var cityIds = forums.SelectMany(f => Ids(f.Item)).Distinct().ToList();
                var cities = (await ReadAsync(connection, db, cache,
                    """SELECT "ContentItemVersionId", NULL FROM "ContentItemVersions" WHERE "Published" AND "ContentItemId" IN (SELECT value FROM json_each(@keys)) ORDER BY "Id" """, cityIds))
                    .ToDictionary(c => c.Item.ContentItemId, c => c.Item);
                var panelsOf = panels.ToLookup(p => p.Key!, p => p.Item);

                http.Response.ContentType = "application/json; charset=utf-8";
                await using var json = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
                json.WriteStartObject();
                json.WriteStartObject("data");
                json.WriteStartArray("forum");
                foreach (var (forum, _) in forums)
                {
                    var part = forum.Part("Forum");
                    json.WriteStartObject();
                    json.WriteString("contentItemId", forum.ContentItemId);
                    json.WriteString("displayText", forum.DisplayText);
                    json.WriteString("startDate", (string?)part?["StartDate"]?["Value"]);
                    json.WriteString("venue", (string?)part?["Venue"]?["Text"]);
                    json.WriteStartObject("list");
                    json.WriteStartArray("contentItems");
                    foreach (var panel in panelsOf[forum.ContentItemId])
                    {
                        json.WriteStartObject();
                        json.WriteString("displayText", panel.DisplayText);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteStartObject("partnerCities");
                    json.WriteStartArray("contentItems");
                    foreach (var id in Ids(forum))
                    {
                        if (cities.TryGetValue(id, out var city))
                        {
                            json.WriteStartObject();
                            json.WriteString("displayText", city.DisplayText);
                            json.WriteString("country", (string?)city.Part("PartnerCity")?["Country"]?["Text"]);
                            json.WriteEndObject();
                        }
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                await json.FlushAsync(http.RequestAborted);
                return Results.Empty;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    private static IEnumerable<string> Ids(ContentItem forum)
        => (forum.Part("Forum")?["PartnerCities"]?["ContentItemIds"] as JsonArray ?? []).Select(n => (string)n!);

    private static async Task<List<(ContentItem Item, string? Key)>> ReadAsync(DbConnection connection, TwinningDbContext db, ContentItemCache cache, string sql, List<string>? keys)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (keys is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@keys";
            parameter.Value = JsonSerializer.Serialize(keys);
            command.Parameters.Add(parameter);
        }
        var rows = new List<(string VersionId, string? Key)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }
        var result = new List<(ContentItem, string?)>(rows.Count);
        foreach (var (versionId, key) in rows)
        {
            if (!Parsed.TryGetValue(versionId, out var item))
            {
                // First sight of a version only: afterwards the floor reads ids alone.
                var content = await db.ContentItemVersions.Where(v => v.ContentItemVersionId == versionId).Select(v => v.Content).SingleAsync();
                item = Parsed.GetOrAdd(versionId, cache.Get(versionId, content).Item);
            }
            result.Add((item, key));
        }
        return result;
    }
}
