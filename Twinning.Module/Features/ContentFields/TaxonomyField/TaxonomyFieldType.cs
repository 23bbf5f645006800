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
        var terms = field.ReadStrings("TermContentItemIds");
        if (terms is null)
        {
            return;
        }
        if (settings.Required && terms.Count == 0)
        {
            field.Fail("TermContentItemIds", "Field.Required");
        }
        if (settings.Unique && terms.Count > 1)
        {
            field.Fail("TermContentItemIds", "Taxonomy.OneTerm", ("count", terms.Count));
        }
        if (field.ExceedsPickLimit(terms, "TermContentItemIds") || terms.Count == 0)
        {
            return;
        }
        if (field.Field["TaxonomyContentItemId"] is { } givenTaxonomy && givenTaxonomy.GetValueKind() != JsonValueKind.String)
        {
            field.Fail("TaxonomyContentItemId", "Taxonomy.IdNotText");
            return;
        }
        var taxonomyId = field.Field["TaxonomyContentItemId"]?.GetValue<string>() ?? settings.TaxonomyContentItemId;
        if (settings.TaxonomyContentItemId is { Length: > 0 } expected && taxonomyId != expected)
        {
            field.Fail("TaxonomyContentItemId", "Taxonomy.WrongTaxonomy", ("taxonomy", expected));
            return;
        }
        field.Field["TaxonomyContentItemId"] = taxonomyId;
        var taxonomy = taxonomyId is null ? null : await field.Scope.Lookup.GetLatestAsync(taxonomyId);
        var known = taxonomy is null ? [] : TaxonomyTerms.Ids(taxonomy);
        for (var i = 0; i < terms.Count; i++)
        {
            if (!known.Contains(terms[i]))
            {
                field.Fail($"TermContentItemIds[{i}]", "Taxonomy.NotATerm", ("term", terms[i]), ("taxonomy", taxonomyId));
            }
        }
    }

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];

    public IEnumerable<string> ReferencedItemIds(JsonObject field)
        => (field["TermContentItemIds"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>());
}
