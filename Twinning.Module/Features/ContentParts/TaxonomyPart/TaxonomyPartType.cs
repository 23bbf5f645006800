using System.Text.Json.Nodes;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Features.ContentParts.TaxonomyPart;

/// <summary>A taxonomy's terms (<c>Terms</c>, each a content item of <c>TermContentType</c>, with child terms), each
/// validated against the term type and given its TermPart. A term that other items still use through a TaxonomyField
/// (their latest or published version) may not be removed: their field would name a term that no longer exists.</summary>
public sealed partial class TaxonomyPartType : IContentPartValidation, IContentPartIndexing
{
    public const string Terms = "Terms";
    public const string TermContentType = "TermContentType";

    /// <summary>The rule's key when a save would remove a term in use (arguments <c>term</c>, its title; <c>id</c>; <c>count</c>).</summary>
    public const string TermInUse = "Taxonomy.TermInUse";

    public string Name => "TaxonomyPart";
    public IReadOnlyList<string> Members { get; } = [Terms, TermContentType];

    public async Task ValidateAsync(PartValidation part)
    {
        var termType = part.Text(TermContentType);
        await part.ValidateItemsAsync(Terms, termType is null ? [] : [termType], termOf: part.Item.ContentItemId);
        await RefuseRemovingUsedTermsAsync(part);
    }

    private static async Task RefuseRemovingUsedTermsAsync(PartValidation part)
    {
        if (await part.Scope.Lookup.GetLatestAsync(part.Item.ContentItemId) is not { } stored
            || stored.Part(part.Path[(part.Path.LastIndexOf('.') + 1)..]) is not { } storedPart)
        {
            return;
        }
        var kept = TaxonomyTerms.All(part.Part[Terms] as JsonArray).Select(TaxonomyTerms.IdOf).ToHashSet(StringComparer.Ordinal);
        var removed = TaxonomyTerms.All(storedPart[Terms] as JsonArray).Where(t => TaxonomyTerms.IdOf(t) is { } id && !kept.Contains(id)).ToList();
        if (removed.Count == 0)
        {
            return;
        }
        var used = await part.Scope.Lookup.CountReferrersAsync([.. removed.Select(t => TaxonomyTerms.IdOf(t)!)], part.Item.ContentItemId);
        foreach (var term in removed)
        {
            var id = TaxonomyTerms.IdOf(term)!;
            if (used.GetValueOrDefault(id) is > 0 and var count)
            {
                part.Fail(Terms, TermInUse, ("term", TaxonomyTerms.TitleOf(term) ?? id), ("id", id), ("count", count));
            }
        }
    }
}
