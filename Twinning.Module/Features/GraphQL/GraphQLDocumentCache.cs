using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// Parsed GraphQL documents that passed validation against a schema, keyed by that schema and the query text, so a
/// repeated query is neither parsed nor run through the core validation rules again (its complexity is still checked,
/// and its variables are read and checked on every request). A new schema (the definitions changed) never sees
/// documents validated against an older one.
/// </summary>
public sealed class GraphQLDocumentCache : IDisposable
{
    // Entries are sized by query length; parsed documents take several times that.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2 * 1024 * 1024 });

    public GraphQLDocument? Get(ISchema schema, string query)
        => _cache.TryGetValue((schema, query), out GraphQLDocument? document) ? document : null;

    public void Set(ISchema schema, string query, GraphQLDocument document)
        => _cache.Set((schema, query), document, new MemoryCacheEntryOptions
        {
            Size = query.Length + 64,
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });

    public void Dispose() => _cache.Dispose();
}
