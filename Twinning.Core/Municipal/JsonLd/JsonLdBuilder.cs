using System.Text.Json.Nodes;
using Twinning.Core.Content;

namespace Twinning.Core.Municipal.JsonLd;

/// <summary>schema.org JSON-LD for an item, written by its content type's <see cref="IJsonLdMapper"/> (see
/// docs/twinning-views.md for the mapping). Related items are read published only; a reference to an unpublished or
/// removed item is left out.</summary>
public sealed class JsonLdBuilder
{
    public const string ContentType = "application/ld+json";

    private readonly IPublishedContent _content;
    private readonly Dictionary<string, IJsonLdMapper> _mappers = new(StringComparer.Ordinal);

    public JsonLdBuilder(IPublishedContent content, IEnumerable<IJsonLdMapper> mappers)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        _content = content;
        var types = new List<string>();
        foreach (var mapper in mappers)
        {
            if (!_mappers.TryAdd(mapper.ContentType, mapper))
            {
                throw new InvalidOperationException($"Two JSON-LD mappers are registered for '{mapper.ContentType}'.");
            }
            types.Add(mapper.ContentType);
        }
        Types = types;
    }

    /// <summary>The content types that have a JSON-LD view, in the order they were registered.</summary>
    public IReadOnlyList<string> Types { get; }

    public bool Maps(string contentType) => _mappers.ContainsKey(contentType);

    public async Task<JsonObject> BuildAsync(ContentItem item, ViewSite site)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(site);
        if (!_mappers.TryGetValue(item.ContentType, out var mapper))
        {
            throw new ArgumentException($"There is no JSON-LD for '{item.ContentType}'.", nameof(item));
        }
        var node = await mapper.MapAsync(item, new JsonLdContext(_content, site));
        var document = new JsonObject { ["@context"] = "https://schema.org" };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            document[key] = value;
        }
        return document;
    }
}
