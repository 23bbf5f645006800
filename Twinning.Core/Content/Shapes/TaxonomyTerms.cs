using System.Text.Json.Nodes;

namespace Twinning.Core.Content.Shapes;

/// <summary>Reads the terms a taxonomy item holds in its TaxonomyPart, children included.</summary>
public static class TaxonomyTerms
{
    public static HashSet<string> Ids(ContentItem taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return All(taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray).Select(IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every term of a <c>Terms</c> array, each before its child terms.</summary>
    public static IEnumerable<JsonObject> All(JsonArray? terms)
    {
        foreach (var term in terms?.OfType<JsonObject>() ?? [])
        {
            yield return term;
            // A term's child terms sit in a "Terms" array on the term item itself.
            foreach (var child in All(term["Terms"] as JsonArray))
            {
                yield return child;
            }
        }
    }

    public static string? IdOf(JsonObject term) => TextOf(term?["ContentItemId"]);

    /// <summary>A term's display text, else its title.</summary>
    public static string? TitleOf(JsonObject term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return TextOf(term["DisplayText"]) ?? TextOf(term["TitlePart"]?["Title"]);
    }

    private static string? TextOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
