using System.Net;
using System.Text;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Media;

/// <summary>An SVG of 40,000 nested groups once ended the server process; now each entry point refuses it by name.</summary>
public sealed class DeepSvgTests
{
    private static byte[] NestedGroups(int groups)
        => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<g>", groups))
            + "<circle r=\"1\"/>" + string.Concat(Enumerable.Repeat("</g>", groups)) + "</svg>");

    [Fact]
    public async Task AnUploadIsRefusedNamingTheFileAndTheSiteKeepsAnswering()
    {
        using var app = MediaSite.Start();
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder");
        var client = await app.CreateClientWithRolesAsync("MediaEditor");

        var upload = await client.UploadAsync("logos", ("herb.svg", NestedGroups(40_000)));
        var problem = await upload.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        var error = problem["errors"]!["files[0]"]![0]!.GetValue<string>();
        Assert.Contains("'herb.svg'", error, StringComparison.Ordinal);
        Assert.Contains("more than 256 levels deep", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/media/logos/herb.svg")).StatusCode);
    }

    [Fact]
    public async Task AGroupedDrawingOfOrdinaryDepthIsStored()
    {
        using var app = MediaSite.Start();
        await app.DefineRoleAsync("MediaEditor", "ManageMediaFolder");
        var client = await app.CreateClientWithRolesAsync("MediaEditor");

        var upload = await client.UploadAsync("logos", ("herb.svg", NestedGroups(40)));

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
    }

    [Fact]
    public async Task ARecipeMediaStepIsRefusedNamingTheFileAndTheSiteKeepsAnswering()
    {
        using var app = MediaSite.Start();
        var recipe = $$"""{ "name": "deep", "steps": [ { "name": "media", "Files": [ { "TargetPath": "logos/herb.svg", "Base64": "{{Convert.ToBase64String(NestedGroups(40_000))}}" } ] } ] }""";

        var result = await app.RunRecipeAsync(recipe);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Files[0]", error.Field);
        Assert.Contains("'logos/herb.svg' nests its elements more than 256 levels deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
    }
}
