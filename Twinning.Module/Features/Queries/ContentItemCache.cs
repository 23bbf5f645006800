using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;

namespace Twinning.Module.Features.Queries;

/// <summary>
/// Parsed content item versions shared by the read APIs (REST item and list, GraphQL), keyed by version id, so a
/// version's JSON is parsed and serialized once rather than on every request. A version's row can still change in
/// place (a draft saved again, the published and latest flags moving), so an entry is used only while its JSON is
/// exactly the JSON the query just read: a changed row is parsed anew, never served stale. The cache only answers
/// for rows a query selected, so which versions (published, draft) a caller sees is decided by the query alone.
/// </summary>
public sealed class ContentItemCache : IDisposable
{
    private readonly MemoryCache? _cache;

    public ContentItemCache(IOptions<QueryOptions> options)
    {
        var megabytes = options.Value.ItemCacheMegabytes;
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L }) : null;
    }

    /// <summary>The entry for the version whose stored JSON is <paramref name="content"/>.</summary>
    public CachedContentItem Get(string contentItemVersionId, string content)
    {
        if (_cache is null)
        {
            return new CachedContentItem(content);
        }
        if (_cache.TryGetValue(contentItemVersionId, out CachedContentItem? kept) && string.Equals(kept!.Content, content, StringComparison.Ordinal))
        {
            return kept;
        }
        var entry = new CachedContentItem(content);
        // About the text (twice: as read and as served), the parsed nodes and the UTF-8 bytes they keep.
        _cache.Set(contentItemVersionId, entry, new MemoryCacheEntryOptions { Size = content.Length * 8L + 512 });
        return entry;
    }

    public void Dispose() => _cache?.Dispose();
}

/// <summary>One version as read and parsed. <see cref="Item"/> is shared between requests and threads: read it, never
/// change it (<see cref="ContentItem.Clone"/> gives a private copy).</summary>
public sealed class CachedContentItem
{
    private string? _json;

    internal CachedContentItem(string content)
    {
        Content = content;
        Item = ContentItemJsonConverter.Deserialize(content);
        // Parsed nodes fill their children in on first access, which is not safe from two threads at once: fill them all now.
        Materialize(Item.Data);
    }

    /// <summary>The JSON text as stored.</summary>
    public string Content { get; }

    public ContentItem Item { get; }

    /// <summary>The item as the API serves it (<see cref="ContentItemJsonConverter.Serialize"/>).</summary>
    public string Json
    {
        get
        {
            if (_json is null)
            {
                var json = ContentItemJsonConverter.Serialize(Item);
                // Usually the stored text itself: keep one copy.
                _json = string.Equals(json, Content, StringComparison.Ordinal) ? Content : json;
            }
            return _json;
        }
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }
                break;
        }
    }
}
