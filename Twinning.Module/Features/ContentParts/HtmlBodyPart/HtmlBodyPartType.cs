using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentParts.HtmlBodyPart;

/// <summary>The item's HTML body, sanitised as it is saved.</summary>
public sealed partial class HtmlBodyPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "HtmlBodyPart";
    public IReadOnlyList<string> Members { get; } = ["Html"];

    public Task ValidateAsync(PartValidation part)
    {
        if (part.Text("Html") is { } html)
        {
            // Named as the type names the part, else by the part's own name, as the API's paths name it.
            var label = part.Settings.Get<ContentTypePartSettings>().DisplayName;
            part.Sanitizer.SanitizeInto(part.Part, "Html", html, part.Path, part.Scope, string.IsNullOrWhiteSpace(label) ? Name : label);
        }
        return Task.CompletedTask;
    }
}
