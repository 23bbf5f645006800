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
            part.Sanitizer.SanitizeInto(part.Part, "Html", html, part.Path, part.Scope);
        }
        return Task.CompletedTask;
    }
}
