using Microsoft.AspNetCore.Routing;

namespace Twinning.Module.Features.ContentApi;

public static class ContentApiEndpoints
{
    /// <summary>The REST content API under <c>/api/content</c>: Orchard's single-item endpoints and the list beside them.</summary>
    public static IEndpointRouteBuilder MapTwinningContentApi(this IEndpointRouteBuilder routes)
    {
        routes.MapContentApi();
        routes.MapContentList();
        return routes;
    }
}
