using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Twinning.Module.Features.ApiReference;

/// <summary>The build writes the OpenAPI document by starting the app under a tool of its own; background work
/// (setup, senders) must not run then, or every build would provision a site.</summary>
public static class ApiDocumentGeneration
{
    public static bool IsRunning { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Last in <c>AddTwinning</c>: while the build describes the endpoints, no setup, no background senders, no database.</summary>
    public static IServiceCollection WithoutHostedServicesWhileDescribingTheApi(this IServiceCollection services)
    {
        if (IsRunning)
        {
            services.RemoveAll<IHostedService>();
        }
        return services;
    }
}
