using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Caching;

/// <summary>Every GET route answers HEAD with the headers GET would send, as docs/caching.md promises.</summary>
public sealed class HeadRequestTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Fact]
    public async Task HeadIsAnsweredWithTheGetHeadersOnEveryReadRoute()
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        string[] paths =
        [
            $"/api/content/{forum.ContentItemId}",
            "/api/content?contentType=Forum",
            "/api/content/by-path?path=polock",
            "/api/site",
            "/api/twinning/forums.ics",
            $"/api/twinning/jsonld/{forum.ContentItemId}",
            "/api/twinning/partner-cities.geojson",
            "/api/graphql?query=%7Bforum%7BdisplayText%7D%7D",
            "/health/ready",
        ];

        foreach (var path in paths)
        {
            var get = await client.GetAsync(path);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {path}: {get.StatusCode}");
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {head.StatusCode}");
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        }
    }
}
