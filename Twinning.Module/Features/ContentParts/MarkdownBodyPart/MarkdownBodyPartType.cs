namespace Twinning.Module.Features.ContentParts.MarkdownBodyPart;

/// <summary>The item's Markdown body, kept as written.</summary>
public sealed partial class MarkdownBodyPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "MarkdownBodyPart";
    public IReadOnlyList<string> Members { get; } = ["Markdown"];

    public Task ValidateAsync(PartValidation part)
    {
        part.Text("Markdown");
        return Task.CompletedTask;
    }
}
