using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Hosting;

/// <summary>Running behind a reverse proxy and over HTTPS: forwarded headers from configured proxies only, HTTPS
/// redirection and HSTS in production.</summary>
public static class HostingServiceCollectionExtensions
{
    public static IServiceCollection AddTwinningHosting(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section)
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && (o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps || o.PublicBaseUrl.Scheme == Uri.UriSchemeHttp)),
                $"{HostingOptions.Section}:PublicBaseUrl must be an absolute http or https address, such as https://twinning.gdansk.pl.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((forwarded, hosting) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // ASP.NET Core trusts loopback by default; Twinning trusts exactly the configured proxies.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in hosting.Value.ProxyAddresses())
            {
                forwarded.KnownProxies.Add(address);
            }
            foreach (var network in hosting.Value.ProxyNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: every later step sees the client's address and scheme as the proxy vouches.</summary>
    public static IApplicationBuilder UseTwinningHosting(this IApplicationBuilder app)
    {
        var hosting = app.ApplicationServices.GetRequiredService<IOptions<HostingOptions>>().Value;
        var production = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsProduction();
        if (hosting.KnownProxies.Count > 0 || hosting.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (hosting.Hsts ?? production)
        {
            app.UseHsts();
        }
        if (hosting.HttpsRedirection ?? production)
        {
            app.UseHttpsRedirection();
        }
        return app;
    }
}
