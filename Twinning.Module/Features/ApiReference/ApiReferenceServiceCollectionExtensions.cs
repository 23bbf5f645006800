using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Twinning.Module.Features.ApiReference;

/// <summary>The OpenAPI document of the API (<c>/openapi/v1.json</c>) and a reference page to read it
/// (<c>/api-reference</c>), served from the site itself with no CDN.</summary>
public static class ApiReferenceServiceCollectionExtensions
{
    public static IServiceCollection AddTwinningApiReference(this IServiceCollection services)
        => services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Twinning API";
            document.Info.Description = "Content of a municipal partner-city site in Orchard Core's shapes: content items, GraphQL, "
                + "calendars, maps and schema.org data. Errors are RFC 9457 problem details. Every GET also answers HEAD.";
            // HEAD mirrors GET on every route (HeadRequests); described once, as GET, so that each operation id is unique.
            foreach (var path in document.Paths.Values)
            {
                path.Operations?.Remove(HttpMethod.Head);
            }
            return Task.CompletedTask;
        }).AddDocumentTransformer(ApiDocumentDescription.DescribeAsync));

    public static IEndpointRouteBuilder MapTwinningApiReference(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi();
        routes.MapScalarApiReference("/api-reference", options => options
            .WithTitle("Twinning API reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return routes;
    }
}
