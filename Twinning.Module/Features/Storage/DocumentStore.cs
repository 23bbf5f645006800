using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Twinning.Module.Features.Storage;

/// <summary>Parsed documents shared across requests, keyed by name and version so a change written by any
/// instance is noticed by the next read of the version number.</summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, (int Version, long SiteState, object Document)> _entries = new();

    public bool TryGet<T>(string name, int version, out T document) where T : class
        => TryGet(name, e => e.Version == version, out document);

    /// <summary>The cached document when the site has not changed since it was read.</summary>
    public bool TryGetCurrent<T>(string name, long siteState, out T document) where T : class
        => TryGet(name, e => e.SiteState == siteState, out document);

    public void Set(string name, int version, long siteState, object document) => _entries[name] = (version, siteState, document);

    private bool TryGet<T>(string name, Func<(int Version, long SiteState, object Document), bool> matches, out T document) where T : class
    {
        if (_entries.TryGetValue(name, out var entry) && matches(entry) && entry.Document is T typed)
        {
            document = typed;
            return true;
        }
        document = null!;
        return false;
    }
}

/// <summary>Reads and writes the site-wide documents (definitions, settings, roles, media profiles).</summary>
public sealed class DocumentStore(TwinningDbContext db, DocumentCache cache, SiteChangeToken changes)
{
    // One read per document per scope (a request, a recipe run): later reads in the scope reuse it.
    private readonly Dictionary<string, object> _scoped = new(StringComparer.Ordinal);

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = false,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>A shared, read-only instance of the document (a new one when none is stored). Do not modify it.</summary>
    public async Task<T> GetAsync<T>(string name) where T : class, new()
    {
        if (_scoped.TryGetValue(name, out var known) && known is T scoped)
        {
            return scoped;
        }
        var document = await ReadAsync<T>(name);
        _scoped[name] = document;
        return document;
    }

    private async Task<T> ReadAsync<T>(string name) where T : class, new()
    {
        // Inside a transaction the committed state says nothing of what this transaction wrote, and what it
        // wrote must not reach other requests before (or unless) it commits.
        var shared = db.Database.CurrentTransaction is null;
        var state = shared ? await changes.GetAsync() : 0;
        if (shared && cache.TryGetCurrent<T>(name, state, out var current))
        {
            return current;
        }
        var version = await db.Documents.AsNoTracking().Where(d => d.Name == name).Select(d => (int?)d.Version).FirstOrDefaultAsync();
        if (version is null)
        {
            return new T();
        }
        if (!cache.TryGet<T>(name, version.Value, out var document))
        {
            document = await LoadAsync<T>(name);
        }
        if (shared)
        {
            cache.Set(name, version.Value, state, document);
        }
        return document;
    }

    /// <summary>A private copy of the document to change and pass to <see cref="SaveAsync{T}"/>.</summary>
    public async Task<T> LoadAsync<T>(string name) where T : class, new()
    {
        var content = await db.Documents.AsNoTracking().Where(d => d.Name == name).Select(d => d.Content).FirstOrDefaultAsync();
        return content is null ? new T() : JsonSerializer.Deserialize<T>(content, JsonOptions) ?? new T();
    }

    public async Task<int> SaveAsync<T>(string name, T document) where T : class
    {
        var content = JsonSerializer.Serialize(document, JsonOptions);
        var record = await db.Documents.FirstOrDefaultAsync(d => d.Name == name);
        if (record is null)
        {
            record = new DocumentRecord { Name = name, Version = 1, Content = content };
            db.Documents.Add(record);
        }
        else
        {
            record.Content = content;
            record.Version++;
        }
        await db.SaveChangesAsync();
        _scoped[name] = document;
        return record.Version;
    }

    /// <summary>Stores the document only when none of that name exists: false when another writer (another
    /// instance, say) stored one first, which then stands.</summary>
    public async Task<bool> TryAddAsync<T>(string name, T document) where T : class
    {
        var record = new DocumentRecord { Name = name, Version = 1, Content = JsonSerializer.Serialize(document, JsonOptions) };
        db.Documents.Add(record);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.Entry(record).State = EntityState.Detached;
            return false;
        }
        _scoped[name] = document;
        return true;
    }

    public async Task<bool> ExistsAsync(string name) => await db.Documents.AnyAsync(d => d.Name == name);

    /// <summary>The names of the documents of one kind, for kinds stored one document per instance (<c>Kind/{id}</c>).</summary>
    public async Task<IReadOnlyList<string>> NamesStartingWithAsync(string prefix)
        => await db.Documents.AsNoTracking().Where(d => d.Name.StartsWith(prefix)).Select(d => d.Name).OrderBy(n => n).ToListAsync();

    public async Task DeleteAsync(string name)
    {
        await db.Documents.Where(d => d.Name == name).ExecuteDeleteAsync();
        _scoped.Remove(name);
    }
}
