using System.Reflection;

namespace Twinning.Module.Features.ApiReference;

/// <summary>The build writes the OpenAPI document by starting the app under a tool of its own; background work
/// (setup, senders) must not run then, or every build would provision a site.</summary>
public static class ApiDocumentGeneration
{
    public static bool IsRunning { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
