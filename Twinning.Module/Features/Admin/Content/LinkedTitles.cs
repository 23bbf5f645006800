using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>Pickers store ids: the history's comparison and the translator's source pane name the picked items by their
/// titles instead.</summary>
public static class LinkedTitles
{
    /// <summary>A function giving, for a text of <paramref name="values"/> that is an item's id, that item's title
    /// (<paramref name="titleOf"/>), and any other text as it is.</summary>
    public static async Task<Func<string, string>> OfAsync(ContentStore store, IEnumerable<JsonNode?> values, Func<ContentItem, string> titleOf)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in values.SelectMany(FieldDiff.Texts))
        {
            if (IdGenerator.IsValid(text) && !titles.ContainsKey(text) && await store.GetLatestAsync(text) is { } linked && linked.ContentItemId == text)
            {
                titles[text] = titleOf(linked);
            }
        }
        return text => titles.GetValueOrDefault(text, text);
    }
}
