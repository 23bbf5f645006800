using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        services.AddSingleton<IValidateOptions<HostingOptions>, FrontEndUrlsValidation>();
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
        // ASP.NET Core's host filtering (first in every pipeline) reads AllowedHosts and lets any host through without
        // it. In production, with no AllowedHosts configured, only the public address's host is let through, and the
        // loopback names that local health checks use; other hosts get 400.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<HostingOptions>, IHostEnvironment, IConfiguration>((filtering, hosting, environment, configuration) =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]) && environment.IsProduction() && hosting.Value.PublicBaseUrl is { } publicUrl)
            {
                filtering.AllowedHosts = [publicUrl.IdnHost, .. LoopbackHosts];
            }
        });
        return services;
    }

    /// <summary>Names a request on the same machine uses, allowed beside the public host.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>First in the pipeline: every later step sees the client's address and scheme as the proxy vouches.</summary>
    public static IApplicationBuilder UseTwinningHosting(this IApplicationBuilder app)
    {
        var hosting = app.ApplicationServices.GetRequiredService<IOptions<HostingOptions>>().Value;
        var production = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsProduction();
        var allowed = app.ApplicationServices.GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts;
        if (production && (allowed.Count == 0 || allowed.Contains("*")))
        {
            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostingServiceCollectionExtensions))
                .LogWarning("Any Host header is accepted: set {Setting} (or AllowedHosts) so that only the site's own address is.", HostingOptions.Section + ":PublicBaseUrl");
        }
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
