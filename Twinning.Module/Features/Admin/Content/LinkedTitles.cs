using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>Pickers store item ids: the admin shows the linked items by their titles instead (history, preview).</summary>
public static class LinkedTitles
{
    /// <summary>The title of every item id among <paramref name="texts"/>, by id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(ContentStore store, IEnumerable<string> texts, Func<ContentItem, string> titleOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(titleOf);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (IdGenerator.IsValid(text) && !titles.ContainsKey(text) && await store.GetLatestAsync(text) is { } linked && linked.ContentItemId == text)
            {
                titles[text] = titleOf(linked);
            }
        }
        return titles;
    }
}
