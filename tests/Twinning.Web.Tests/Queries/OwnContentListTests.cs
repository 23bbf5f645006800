using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Queries;

/// <summary>
/// Callers that hold only the Own variants (ViewOwnContent, PreviewOwnContent) list their own items, published and
/// draft, through the REST list and GraphQL alike, with totals of their own items; callers with the general
/// permissions list everyone's; callers with neither are refused with the permission named.
/// </summary>
public sealed class OwnContentListTests
{
    private static readonly string[] PartnerPermissions =
        ["AccessContentApi", "ExecuteGraphQL", "ViewOwnContent", "PreviewOwnContent", "EditOwnContent", "PublishOwnContent"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACallerWithOnlyTheOwnPermissionsListsItsOwnItemsEverywhere(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "ExecuteGraphQL", "ViewContent", "PreviewContent", "EditContent", "PublishContent");
        await app.DefineRoleAsync("Partner", PartnerPermissions);
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var first = await app.CreateClientWithRolesAsync("Partner");
        var second = await app.CreateClientWithRolesAsync("Partner");
        await PostAsync(editor, "Editor's article", draft: false);
        await PostAsync(editor, "Editor's draft", draft: true);
        var firstPublished = await PostAsync(first, "First partner's article", draft: false);
        await PostAsync(first, "First partner's draft", draft: true);
        await PostAsync(first, "First partner's second draft", draft: true);
        await PostAsync(second, "Second partner's draft", draft: true);

        var firstPublishedList = await ListAsync(first, "PUBLISHED");
        var firstDrafts = await ListAsync(first, "DRAFT");
        var secondDrafts = await ListAsync(second, "DRAFT");
        var editorDrafts = await ListAsync(editor, "DRAFT");
        const string query = "{ article(status: DRAFT, orderBy: { displayText: ASC }) { displayText } articleCount(status: DRAFT) }";
        var firstGraph = await app.GraphQLAsync(query, client: first);
        var secondGraph = await app.GraphQLAsync(query, client: second);
        var editorGraph = await app.GraphQLAsync(query, client: editor);
        const string byId = "query ($id: String!) { contentItem(contentItemId: $id) { displayText } }";
        var ownById = await app.GraphQLAsync(byId, new JsonObject { ["id"] = firstPublished }, first);
        var othersById = await app.GraphQLAsync(byId, new JsonObject { ["id"] = firstPublished }, second);

        Assert.Equal(["First partner's article"], firstPublishedList["items"].Strings("DisplayText"));
        Assert.Equal(1, firstPublishedList["total"]!.GetValue<int>());
        Assert.Equal(["First partner's draft", "First partner's second draft"], firstDrafts["items"].Strings("DisplayText").Order());
        Assert.Equal(2, firstDrafts["total"]!.GetValue<int>());
        Assert.Equal(["Second partner's draft"], secondDrafts["items"].Strings("DisplayText"));
        Assert.Equal(1, secondDrafts["total"]!.GetValue<int>());
        Assert.Equal(4, editorDrafts["total"]!.GetValue<int>());
        Assert.Equal(["First partner's draft", "First partner's second draft"], firstGraph["data"]!["article"].Strings("displayText"));
        Assert.Equal(2, firstGraph["data"]!["articleCount"]!.GetValue<int>());
        Assert.Equal(["Second partner's draft"], secondGraph["data"]!["article"].Strings("displayText"));
        Assert.Equal(1, secondGraph["data"]!["articleCount"]!.GetValue<int>());
        Assert.Equal(4, editorGraph["data"]!["articleCount"]!.GetValue<int>());
        Assert.True(ownById["data"]?["contentItem"]?["displayText"]?.GetValue<string>() == "First partner's article", ownById.ToJsonString() + string.Join("\n", app.Log.Where(l => l.Contains("rror", StringComparison.Ordinal))));
        Assert.Null(othersById["data"]!["contentItem"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACallerWithoutAnyViewPermissionIsRefusedWithThePermissionNamed(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Reader", "AccessContentApi", "ExecuteGraphQL");
        await app.DefineRoleAsync("Partner", PartnerPermissions);
        var reader = await app.CreateClientWithRolesAsync("Reader");
        var partner = await app.CreateClientWithRolesAsync("Partner");
        await PostAsync(partner, "Partner's article", draft: false);

        var list = await reader.GetAsync("/api/content?contentType=Article");
        var graph = await app.GraphQLAsync("{ article { displayText } }", client: reader);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("'ViewContent'", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'ViewContent'", graph["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Partner's article", graph.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AListOfEveryTypeHoldsAndCountsOnlyWhatTheCallerMayList(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "ViewContent", "PreviewContent", "EditContent", "PublishContent");
        await app.DefineRoleAsync("Partner", PartnerPermissions);
        await app.DefineRoleAsync("Reader", "AccessContentApi");
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var partner = await app.CreateClientWithRolesAsync("Partner");
        var reader = await app.CreateClientWithRolesAsync("Reader");
        await PostAsync(editor, "Editor's article", draft: false);
        await PostAsync(editor, "Editor's draft", draft: true);
        await PostAsync(partner, "Partner's article", draft: false);
        await PostAsync(partner, "Partner's draft", draft: true);

        var partnerAll = await ListAsync(partner, "PUBLISHED", contentType: null);
        var partnerDrafts = await ListAsync(partner, "DRAFT", contentType: null);
        var editorAll = await ListAsync(editor, "PUBLISHED", contentType: null);
        var readerAll = await ListAsync(reader, "PUBLISHED", contentType: null);
        var readerDrafts = await reader.GetAsync("/api/content?status=DRAFT");

        Assert.Equal(["Partner's article"], partnerAll["items"].Strings("DisplayText"));
        Assert.Equal(1, partnerAll["total"]!.GetValue<int>());
        Assert.Equal(["Partner's draft"], partnerDrafts["items"].Strings("DisplayText"));
        Assert.Equal(1, partnerDrafts["total"]!.GetValue<int>());
        Assert.Equal(2, editorAll["total"]!.GetValue<int>());
        Assert.Empty(readerAll["items"]!.AsArray());
        Assert.Equal(0, readerAll["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, readerDrafts.StatusCode);
    }

    private static async Task<string> PostAsync(HttpClient client, string title, bool draft)
    {
        var response = await client.PostItemAsync(new JsonObject
        {
            ["ContentType"] = "Article",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["Article"] = new JsonObject { ["Lead"] = new JsonObject { ["Text"] = "Gdańsk, 27 kwietnia 2017." } },
        }.ToJsonString(), draft);
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["ContentItemId"]!.GetValue<string>();
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string status, string? contentType = "Article")
    {
        var response = await client.GetAsync(contentType is null ? $"/api/content?status={status}" : $"/api/content?contentType={contentType}&status={status}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
