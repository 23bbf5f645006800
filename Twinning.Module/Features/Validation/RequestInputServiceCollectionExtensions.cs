using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Validation;

public static class RequestInputServiceCollectionExtensions
{
    /// <summary>Request bodies the endpoints bind follow the rules of all JSON input (depth, no key given twice), and a
    /// body they cannot read is answered as the client's error (400 naming the body, 413), not as a server error; HTML
    /// in any input is sanitised by the one <see cref="HtmlSanitizerService"/>.</summary>
    public static IServiceCollection AddTwinningRequestInput(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.MaxDepth = JsonInput.MaxDepth;
            json.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequestHandler>();
        services.AddSingleton<HtmlSanitizerService>();
        // The handler answers with problem details; registered here, so AddTwinning() is enough in any host.
        services.AddProblemDetails();
        return services;
    }

    /// <summary>A query string with text no database may receive is answered 400 before any endpoint reads it
    /// (<see cref="UnstorableQueryMiddleware"/>).</summary>
    public static IApplicationBuilder UseTwinningRequestInput(this IApplicationBuilder app)
        => app.UseMiddleware<UnstorableQueryMiddleware>();
}
