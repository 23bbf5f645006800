using Microsoft.Extensions.Options;
using Twinning.Core.Municipal;

namespace Twinning.Module.Features.Hosting;

/// <summary>Stops start-up on a front-end URL pattern that cannot name pages, with a message naming its setting.</summary>
internal sealed class FrontEndUrlsValidation : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        var failures = options.FrontEndUrls
            .Select(p => PageLinks.Problem(p.Value) is { } problem ? $"{HostingOptions.Section}:FrontEndUrls:{p.Key} {problem}" : null)
            .OfType<string>()
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
