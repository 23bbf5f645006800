using System.Net;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>
/// What Orchard Core's own GraphQL <c>BlogPostTests</c> check, on a blog of our own: the blog list, a post found by its
/// collapsed AutoroutePart path, the type's own part collapsed onto the item, a field written on creation and read back,
/// statuses, and who may run queries and list items (401 without <c>ExecuteGraphQL</c>; without <c>ViewContent</c> a
/// validation error numbered <c>Unauthorized</c>, 401 and no data; with only <c>ViewOwnContent</c> an empty list).
/// Each test builds its own site, as Orchard's build a tenant each.
/// </summary>
public sealed class BlogPostTests
{
    private const string BlogId = "4blog0000000000000000000bb";
    private const string PostId = "4post0000000000000000000pp";

    [Fact]
    public async Task ShouldListAllBlogs()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var reader = await app.ReaderAsync("ExecuteGraphQL", "ViewContent");

        var body = await app.GraphQLAsync("{ blog { contentItemId } }", client: reader);

        Assert.Contains(BlogId, body["data"]!["blog"].Strings("contentItemId"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ShouldQueryByBlogPostAutoroutePart(string provider)
    {
        using var app = await StartAsync(provider);
        await SavePostAsync(app, "Ice hockey with Grodno", path: "news/ice-hockey");
        await SavePostAsync(app, "Choirs from Vilnius", path: "news/choirs");
        var reader = await app.ReaderAsync("ExecuteGraphQL", "ViewContent");

        var byPath = await app.GraphQLAsync("""{ blogPost(where: { path: "news/ice-hockey" }) { displayText path } }""", client: reader);
        var bySuffix = await app.GraphQLAsync("""{ blogPost(where: { path_starts_with: "news/", path_not_ends_with: "winter", path_not: "news/choirs" }) { displayText } }""", client: reader);

        Assert.Equal("Ice hockey with Grodno", byPath["data"]!["blogPost"]![0]!["displayText"]!.GetValue<string>());
        Assert.Equal("news/ice-hockey", byPath["data"]!["blogPost"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(["Ice hockey with Grodno"], bySuffix["data"]!["blogPost"].Strings("displayText"));
    }

    [Fact]
    public async Task WhenThePartHasTheSameNameAsTheContentTypeShouldCollapseFieldsToContentType()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var reader = await app.ReaderAsync("ExecuteGraphQL", "ViewContent");

        var body = await app.GraphQLAsync("{ blogPost { subtitle } }", client: reader);

        Assert.Equal("Partner cities meet on the ice", body["data"]!["blogPost"]![0]!["subtitle"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WhenCreatingABlogPostShouldBeAbleToPopulateField(string provider)
    {
        using var app = await StartAsync(provider);
        var id = await SavePostAsync(app, "A new post", subtitle: "Is this field saved?");
        var reader = await app.ReaderAsync("ExecuteGraphQL", "ViewContent");

        var body = await app.GraphQLAsync($$"""{ blogPost(where: { contentItemId: "{{id}}" }) { subtitle } }""", client: reader);

        Assert.Equal("Is this field saved?", body["data"]!["blogPost"]![0]!["subtitle"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ShouldQueryByStatus(string provider)
    {
        using var app = await StartAsync(provider);
        await SavePostAsync(app, "Draft blog post", publish: false);
        var writer = await app.ReaderAsync("ExecuteGraphQL", "ViewContent", "PreviewContent");

        var published = await app.GraphQLAsync("{ blogPost(status: PUBLISHED) { displayText published } }", client: writer);
        var draft = await app.GraphQLAsync("{ blogPost(status: DRAFT) { displayText published } }", client: writer);
        var latest = await app.GraphQLAsync("{ blogPost(status: LATEST) { displayText published } }", client: writer);

        Assert.True(Assert.Single(published["data"]!["blogPost"]!.AsArray())!["published"]!.GetValue<bool>());
        Assert.False(Assert.Single(draft["data"]!["blogPost"]!.AsArray())!["published"]!.GetValue<bool>());
        Assert.Equal(2, latest["data"]!["blogPost"]!.AsArray().Count);
    }

    [Fact]
    public async Task ShouldNotBeAbleToExecuteAnyQueriesWithoutPermission()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var signedIn = await app.ReaderAsync("ViewContent");

        var anonymous = await app.CreateClient().GetAsync("/api/graphql?query=%7B%20blog%20%7B%20contentItemId%20%7D%20%7D");
        var authenticated = await signedIn.GetAsync("/api/graphql?query=%7B%20blog%20%7B%20contentItemId%20%7D%20%7D");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, authenticated.StatusCode);
    }

    [Fact]
    public async Task ShouldReturnBlogsWithViewBlogContentPermission()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var reader = await app.ReaderAsync("ExecuteGraphQL", "ViewContent");

        var response = await reader.PostAsync("/api/graphql", GraphQLSite.GraphQLBody("{ blog { contentItemId } }"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body["data"]!["blog"]!.AsArray());
    }

    [Fact]
    public async Task ShouldNotReturnBlogsWithViewOwnBlogContentPermission()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var reader = await app.ReaderAsync("ExecuteGraphQL", "ViewOwnContent");

        var response = await reader.PostAsync("/api/graphql", GraphQLSite.GraphQLBody("{ blog { contentItemId } }"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body["data"]!["blog"]!.AsArray());
    }

    [Fact]
    public async Task ShouldNotReturnBlogsWithoutViewBlogContentPermission()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var reader = await app.ReaderAsync("ExecuteGraphQL");

        var response = await reader.PostAsync("/api/graphql", GraphQLSite.GraphQLBody("{ blog { contentItemId } blogPostCount }"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", body["errors"]![0]!["extensions"]!["number"]!.GetValue<string>());
        Assert.Equal(2, body["errors"]!.AsArray().Count);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task AMarkdownBodyIsReadAsWrittenAndAsSanitisedHtml()
    {
        using var app = await StartAsync(Providers.Sqlite);
        var reader = await app.ReaderAsync("ExecuteGraphQL", "ViewContent");

        var body = await app.GraphQLAsync("{ blogPost { markdownBody { markdown html } } }", client: reader);
        var markdown = body["data"]!["blogPost"]![0]!["markdownBody"]!;

        Assert.StartsWith("The **first** meeting", markdown["markdown"]!.GetValue<string>(), StringComparison.Ordinal);
        var html = markdown["html"]!.GetValue<string>();
        Assert.Contains("<strong>first</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SavePostAsync(TwinningApplication app, string title, string? path = null, string? subtitle = null, bool publish = true)
    {
        var json = new JsonObject
        {
            ["ContentType"] = "BlogPost",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["ContainedPart"] = new JsonObject { ["ListContentItemId"] = BlogId, ["ListContentType"] = "Blog" },
        };
        if (path is not null)
        {
            json["AutoroutePart"] = new JsonObject { ["Path"] = path };
        }
        if (subtitle is not null)
        {
            json["BlogPost"] = new JsonObject { ["Subtitle"] = new JsonObject { ["Text"] = subtitle } };
        }
        var saved = await app.SaveAsync(ContentItemJsonConverter.FromJson(json), publish);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        return saved.Item!.ContentItemId;
    }

    private static async Task<TwinningApplication> StartAsync(string provider)
    {
        var app = new TwinningApplication(provider, runRecipe: false);
        app.CreateClient();
        var result = await app.RunRecipeAsync(Recipe);
        Assert.True(result.Succeeded, result.ToString());
        return app;
    }

    /// <summary>A blog that lists posts; a post has a title, a path, its own part with a subtitle and a Markdown body.
    /// Nobody is granted anything: each test's callers hold the permissions it names.</summary>
    private const string Recipe = $$"""
    {
      "name": "blog",
      "steps": [
        { "name": "ContentDefinition",
          "ContentTypes": [
            { "Name": "Blog", "DisplayName": "Blog", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart" },
                { "PartName": "ListPart", "Name": "ListPart", "Settings": { "ListPartSettings": { "ContainedContentTypes": ["BlogPost"] } } }
              ] },
            { "Name": "BlogPost", "DisplayName": "Blog Post", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart" },
                { "PartName": "BlogPost", "Name": "BlogPost" },
                { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart" }
              ] }
          ],
          "ContentParts": [
            { "Name": "BlogPost", "ContentPartFieldDefinitionRecords": [ { "FieldName": "TextField", "Name": "Subtitle" } ] }
          ] },
        { "name": "content", "data": [
            { "ContentItemId": "{{BlogId}}", "ContentType": "Blog", "DisplayText": "Town hall news", "Latest": true, "Published": true,
              "TitlePart": { "Title": "Town hall news" }, "AutoroutePart": { "Path": "news" } },
            { "ContentItemId": "{{PostId}}", "ContentType": "BlogPost", "DisplayText": "Twinning in winter", "Latest": true, "Published": true,
              "TitlePart": { "Title": "Twinning in winter" }, "AutoroutePart": { "Path": "news/twinning-in-winter" },
              "BlogPost": { "Subtitle": { "Text": "Partner cities meet on the ice" } },
              "MarkdownBodyPart": { "Markdown": "The **first** meeting, see [the programme](https://example.org/).\n\n<script>alert(1)</script> [x](javascript:alert(1))" },
              "ContainedPart": { "ListContentItemId": "{{BlogId}}", "ListContentType": "Blog", "Order": 0 } }
          ] }
      ]
    }
    """;
}

/// <summary>Callers of the blog site.</summary>
internal static class BlogCallers
{
    /// <summary>An API client whose one role holds exactly <paramref name="permissions"/>.</summary>
    public static async Task<HttpClient> ReaderAsync(this TwinningApplication app, params string[] permissions)
    {
        var role = "Role" + Guid.NewGuid().ToString("N")[..8];
        await app.DefineRoleAsync(role, permissions);
        return await app.CreateClientWithRolesAsync(role);
    }
}
