using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Features.ContentFields.TaxonomyField;

/// <summary>Terms of one taxonomy; its reference rows are written by ContentIndexer; not in the field value index.</summary>
public sealed partial class TaxonomyFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "TaxonomyField";
    public IReadOnlyList<string> Members { get; } = ["TaxonomyContentItemId", "TermContentItemIds", "TagNames"];

    public async Task ValidateAsync(FieldValidation field)
    {
        var settings = field.Settings.Get<TaxonomyFieldSettings>();
        var label = field.Label;
        var terms = field.ReadStrings("TermContentItemIds");
        if (terms is null)
        {
            return;
        }
        if (settings.Required && terms.Count == 0)
        {
            field.Fail("TermContentItemIds", $"{label} is required.");
        }
        if (settings.Unique && terms.Count > 1)
        {
            field.Fail("TermContentItemIds", $"{label} takes one term, not {terms.Count}.");
        }
        if (field.ExceedsPickLimit(terms, "TermContentItemIds") || terms.Count == 0)
        {
            return;
        }
        if (field.Field["TaxonomyContentItemId"] is { } givenTaxonomy && givenTaxonomy.GetValueKind() != JsonValueKind.String)
        {
            field.Fail("TaxonomyContentItemId", $"{label}: TaxonomyContentItemId must be text.");
            return;
        }
        var taxonomyId = field.Field["TaxonomyContentItemId"]?.GetValue<string>() ?? settings.TaxonomyContentItemId;
        if (settings.TaxonomyContentItemId is { Length: > 0 } expected && taxonomyId != expected)
        {
            field.Fail("TaxonomyContentItemId", $"{label} must use taxonomy '{expected}'.");
            return;
        }
        field.Field["TaxonomyContentItemId"] = taxonomyId;
        var taxonomy = taxonomyId is null ? null : await field.Scope.Lookup.GetLatestAsync(taxonomyId);
        var known = taxonomy is null ? [] : TaxonomyTerms.Ids(taxonomy);
        for (var i = 0; i < terms.Count; i++)
        {
            if (!known.Contains(terms[i]))
            {
                field.Fail($"TermContentItemIds[{i}]", $"{label}: '{terms[i]}' is not a term of taxonomy '{taxonomyId}'.");
            }
        }
    }

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];

    public IEnumerable<string> ReferencedItemIds(JsonObject field)
        => (field["TermContentItemIds"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>());
}
