using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.ApiReference;

/// <summary>
/// A client generated from the OpenAPI document gets the bodies the site really sends: the content item with its
/// envelope, the list's page, and one problem body with errors and messages; and it knows how to sign in.
/// (.ci/typed-clients lints the document and runs the generators on the examples of docs/frontend.md.)
/// </summary>
public sealed partial class TypedClientTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    private static async Task<JsonNode> DocumentAsync(HttpClient client) => JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<string> Required(JsonNode document, string schema)
        => document["components"]!["schemas"]![schema]!["required"]!.AsArray().Select(n => n!.GetValue<string>());

    private static string? ResponseSchema(JsonNode document, string path, string method, string status, string contentType)
        => document["paths"]![path]![method]!["responses"]![status]?["content"]?[contentType]?["schema"]?["$ref"]?.GetValue<string>();

    [Fact]
    public async Task AContentItemAndAPageOfThemHaveEveryMemberTheSchemaRequires()
    {
        var client = site.App(Providers.Sqlite).CreateClient();
        var document = await DocumentAsync(client);

        var page = (await client.GetFromJsonAsync<JsonObject>("/api/content?contentType=PartnerCity&take=2"))!;
        var item = page["items"]!.AsArray()[0]!.AsObject();

        Assert.Equal(
            ["ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author"],
            Required(document, "ContentItem"));
        Assert.All(Required(document, "ContentItem"), member => Assert.True(item.ContainsKey(member), member));
        Assert.All(Required(document, "ContentItemList"), member => Assert.True(page.ContainsKey(member), member));
        // Parts are the item's other members, as written.
        Assert.True(item.ContainsKey("TitlePart"));
        Assert.NotNull(document["components"]!["schemas"]!["ContentItem"]!["additionalProperties"]);
        Assert.Equal("#/components/schemas/ContentItemList", ResponseSchema(document, "/api/content", "get", "200", "application/json"));
        foreach (var (path, method) in new[] { ("/api/content/{contentItemId}", "get"), ("/api/content/by-path", "get"), ("/api/content", "post"),
            ("/api/content/{contentItemId}/publish", "post"), ("/api/content/{contentItemId}/unpublish", "post"), ("/api/content/{contentItemId}", "delete") })
        {
            Assert.Equal("#/components/schemas/ContentItem", ResponseSchema(document, path, method, "200", "application/json"));
            Assert.NotNull(document["paths"]![path]![method]!["responses"]!["200"]!["headers"]!["ETag"]);
        }
        Assert.Equal("#/components/schemas/ContentItemInput",
            document["paths"]!["/api/content"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryRefusalOfTheApiIsTheOneProblemBodyWithErrorsAndMessages()
    {
        var client = site.App(Providers.Sqlite).CreateClient();
        var document = await DocumentAsync(client);

        var refused = await client.GetAsync("/api/content?contentType=PartnerCity&take=lots");
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var members = document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();
        Assert.All(problem.Select(p => p.Key), member => Assert.True(members.ContainsKey(member), member));
        Assert.Contains("messages", members.Select(m => m.Key));
        Assert.Equal("array", members["messages"]!["additionalProperties"]!["type"]!.GetValue<string>());
        Assert.Null(document["components"]!["schemas"]!["HttpValidationProblemDetails"]);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')))
                {
                    var body = response!["content"]!.AsObject();
                    Assert.True(body.ContainsKey("application/problem+json") || path == "/connect/token", $"{method} {path} {status}");
                    if (path != "/connect/token")
                    {
                        Assert.Equal("#/components/schemas/ProblemDetails", body["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
                    }
                }
            }
        }
    }

    [Fact]
    public async Task TheDocumentSaysHowToSignInAndWhichRoutesAskPermissions()
    {
        var client = site.App(Providers.Sqlite).CreateClient();
        var document = await DocumentAsync(client);

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("/connect/token", schemes["apiClient"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
        Assert.Equal(".Twinning.Auth", schemes["editorCookie"]!["name"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["editorCookie"]!["in"]!.GetValue<string>());
        var read = document["paths"]!["/api/content/{contentItemId}"]!["get"]!;
        var write = document["paths"]!["/api/content"]!["post"]!;
        Assert.Equal(["", "apiClient", "editorCookie", "previewToken"], read["security"]!.AsArray().Select(r => r!.AsObject().Select(s => s.Key).SingleOrDefault() ?? ""));
        // Authorization: Preview {token}, on the one route that reads it.
        Assert.Equal("http", schemes["previewToken"]!["type"]!.GetValue<string>());
        Assert.Equal("Preview", schemes["previewToken"]!["scheme"]!.GetValue<string>());
        Assert.DoesNotContain("previewToken", document["paths"]!["/api/content/by-path"]!["get"]!["security"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["apiClient", "editorCookie"], write["security"]!.AsArray().Select(r => r!.AsObject().Single().Key));
        Assert.Empty(document["paths"]!["/connect/token"]!["post"]!["security"]!.AsArray());
        Assert.NotNull(read["responses"]!["401"]);
        Assert.NotNull(read["responses"]!["403"]);
        Assert.Equal("/", document["servers"]![0]!["url"]!.GetValue<string>());
    }

    /// <summary>Each TypeScript example of docs/frontend.md that names its file is that file of tests/frontend, which
    /// .ci/typed-clients generates types for and type-checks.</summary>
    [Fact]
    public async Task TheExamplesOfTheFrontEndGuideAreTheOnesTypeChecked()
    {
        var guide = await File.ReadAllTextAsync(Repository.PathOf("docs", "frontend.md"));

        var examples = CodeBlock().Matches(guide).Select(m => m.Groups["code"].Value)
            .Select(code => (Code: code, File: FileComment().Match(code)))
            .ToList();

        Assert.Equal(3, examples.Count(e => e.File.Success));
        foreach (var (code, file) in examples.Where(e => e.File.Success))
        {
            var committed = await File.ReadAllTextAsync(Repository.PathOf(["tests", "frontend", .. file.Groups["path"].Value.Split('/')]));
            Assert.Equal(committed.ReplaceLineEndings("\n").TrimEnd(), code.ReplaceLineEndings("\n").TrimEnd());
        }
    }

    [GeneratedRegex("```ts\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("^// (?<path>[a-z/]+\\.ts)\\n")]
    private static partial Regex FileComment();
}
