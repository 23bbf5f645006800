using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.GraphQL;

/// <summary>The schema of the current definitions, rebuilt when the definitions document's version changes
/// (a recipe, another instance), so a new type or field is queryable without a restart.</summary>
public sealed class ContentSchemaCache(SiteChangeToken changes) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Current? _current;

    public async Task<ISchema> GetAsync(TwinningDbContext db, ContentDefinitionService definitions, CancellationToken cancellationToken)
    {
        // While the site is as it was when the schema was checked, its definitions are too: no query.
        var state = await changes.GetAsync(cancellationToken);
        if (_current is { } unchanged && unchanged.SiteState == state)
        {
            return unchanged.Schema;
        }
        var version = await db.Documents.AsNoTracking().Where(d => d.Name == DocumentNames.ContentDefinitions)
            .Select(d => (int?)d.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
        if (_current is { } current && current.Version == version)
        {
            _current = current with { SiteState = state };
            return current.Schema;
        }
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Version == version)
            {
                return built.Schema;
            }
            var schema = ContentSchemaBuilder.Build(await definitions.GetAsync());
            schema.Initialize();
            _current = new Current(version, state, schema);
            return schema;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private sealed record Current(int Version, long SiteState, ISchema Schema);
}
