using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.TaxonomyField;

/// <summary>Terms of the taxonomy the field names: a select (one term when Unique).</summary>
public sealed class TaxonomyFieldEditor : IContentFieldEditor
{
    public string FieldType => "TaxonomyField";
    public string View => "/Features/ContentFields/TaxonomyField/TaxonomyFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new()
    {
        ["TaxonomyContentItemId"] = form.Settings.Get<TaxonomyFieldSettings>().TaxonomyContentItemId,
        ["TermContentItemIds"] = new JsonArray([.. form.Texts("TermContentItemIds").Where(id => id.Length > 0).Distinct().Select(id => (JsonNode)id)]),
    };
}
