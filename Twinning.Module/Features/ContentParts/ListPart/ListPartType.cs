namespace Twinning.Module.Features.ContentParts.ListPart;

/// <summary>Makes an item a list: its children are the items whose ContainedPart names it (see ContainedPartType),
/// so the part itself holds nothing.</summary>
public sealed partial class ListPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "ListPart";
    public IReadOnlyList<string> Members { get; } = [];

    public Task ValidateAsync(PartValidation part) => Task.CompletedTask;
}
