using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Twinning.Module.Features.Telemetry;

/// <summary>Request and database metrics through OpenTelemetry, exposed for Prometheus when configured.</summary>
public static class TelemetryServiceCollectionExtensions
{
    // The meters ASP.NET Core, Kestrel, EF Core and Npgsql already publish: request rates and durations, open
    // connections, query durations and pool use. Nothing is measured that is not measured anyway.
    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "System.Runtime",
    ];

    public static IServiceCollection AddTwinningTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.MetricsPath.StartsWith('/'), $"{TelemetryOptions.Section}:MetricsPath must start with '/'.")
            .ValidateOnStart();
        // The meters are listened to only when metrics are on (decided once configuration is complete): a meter
        // nobody listens to costs nothing per request.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((provider, builder) =>
        {
            if (provider.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
            {
                builder.AddMeter(Meters);
            }
        });
        return services;
    }

    public static IApplicationBuilder UseTwinningTelemetry(this IApplicationBuilder app)
    {
        var telemetry = app.ApplicationServices.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!telemetry.Prometheus)
        {
            return app;
        }
        var allowed = telemetry.AllowedNetworks();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == telemetry.MetricsPath && IsAllowed(context.Connection.RemoteIpAddress, allowed));
    }

    private static bool IsAllowed(IPAddress? address, IReadOnlyList<IPNetwork> allowed)
    {
        if (address is null)
        {
            return false;
        }
        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allowed.Any(network => network.Contains(client));
    }
}
