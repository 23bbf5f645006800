using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>JSON bodies of the media API that cannot be read are 400 problems naming the body, never 500s.</summary>
public sealed class MediaJsonBodyTests
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "nested 100 deep", $$"""{ "Path": "logos", "Deep": {{new string('[', 100)}}{{new string(']', 100)}} }""" },
        { "a key given twice", """{ "Path": "logos", "Path": "other" }""" },
        { "not JSON", """{ "Path": """ },
        { "a number for a path", """{ "Path": 5 }""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task AnUnreadableFolderRequestIsAValidationProblemNamingTheBody(string name, string body)
    {
        using var app = MediaSite.Start();
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder");
        var client = await app.CreateClientWithRolesAsync("MediaEditor");
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/media/folders", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.JsonAsync())["errors"]?["body"]);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
    }
}
