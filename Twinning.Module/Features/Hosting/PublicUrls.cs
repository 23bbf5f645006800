using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Core.Municipal;

namespace Twinning.Module.Features.Hosting;

/// <summary>The address absolute links start with: the configured public address, or else the one the request was
/// sent to (whose answers the HTTP cache then keeps apart by host, so a forged <c>Host</c> reaches nobody else).</summary>
public static class PublicUrls
{
    public static string BaseUrl(HttpContext http)
        => http.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>Where page links point: the configured front-end patterns, else paths under <see cref="BaseUrl"/>.</summary>
    public static PageLinks Links(HttpContext http)
        => new(BaseUrl(http), http.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.FrontEndUrls);
}
