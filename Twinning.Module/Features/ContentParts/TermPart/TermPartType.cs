namespace Twinning.Module.Features.ContentParts.TermPart;

/// <summary>The taxonomy a term belongs to, welded on by the taxonomy when it validates its terms (see TaxonomyPartType).</summary>
public sealed partial class TermPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "TermPart";
    public IReadOnlyList<string> Members { get; } = ["TaxonomyContentItemId"];

    public Task ValidateAsync(PartValidation part) => Task.CompletedTask;
}
