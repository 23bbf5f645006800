using System.Text.Json.Nodes;

namespace Twinning.Core.Content.Shapes;

/// <summary>Reads the terms a taxonomy item holds in its TaxonomyPart, children included.</summary>
public static class TaxonomyTerms
{
    public static HashSet<string> Ids(ContentItem taxonomy)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Collect(taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray, ids);
        return ids;
    }

    private static void Collect(JsonArray? terms, HashSet<string> ids)
    {
        foreach (var term in terms?.OfType<JsonObject>() ?? [])
        {
            if (term["ContentItemId"]?.GetValue<string>() is { } id)
            {
                ids.Add(id);
            }
            // A term's child terms sit in a "Terms" array on the term item itself.
            Collect(term["Terms"] as JsonArray, ids);
        }
    }
}
