using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentParts.TitlePart;

/// <summary>The item's title, which becomes its display text (see ContentValidator); required when the type's
/// <c>TitlePartSettings.Options</c> is 3 (Orchard's "required").</summary>
public sealed partial class TitlePartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "TitlePart";
    public IReadOnlyList<string> Members { get; } = ["Title"];

    public Task ValidateAsync(PartValidation part)
    {
        var title = part.Text("Title");
        if (part.Settings.Get<TitlePartSettings>().Options == 3 && string.IsNullOrWhiteSpace(title))
        {
            part.Fail("Title", "Title.Required");
        }
        return Task.CompletedTask;
    }
}
