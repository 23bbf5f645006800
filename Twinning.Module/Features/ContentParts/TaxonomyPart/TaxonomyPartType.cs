namespace Twinning.Module.Features.ContentParts.TaxonomyPart;

/// <summary>A taxonomy's terms (<c>Terms</c>, each a content item of <c>TermContentType</c>, with child terms), each
/// validated against the term type and given its TermPart.</summary>
public sealed partial class TaxonomyPartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "TaxonomyPart";
    public IReadOnlyList<string> Members { get; } = ["Terms", "TermContentType"];

    public Task ValidateAsync(PartValidation part)
    {
        var termType = part.Text("TermContentType");
        return part.ValidateItemsAsync("Terms", termType is null ? [] : [termType], termOf: part.Item.ContentItemId);
    }
}
