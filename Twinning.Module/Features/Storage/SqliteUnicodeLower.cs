using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Twinning.Module.Features.Storage;

/// <summary>
/// SQLite's own <c>lower</c> folds ASCII letters only, so a case-insensitive search for "łódź" missed "Łódź" on SQLite
/// while PostgreSQL found it. Each SQLite connection gets a <c>lower</c> that folds all of Unicode, as .NET's invariant
/// culture does (what the searched text is lowered with). The title search mostly reads its FTS5 index instead
/// (<c>Features/Queries/TitleSearch</c>); this serves field values and texts too short for it.
/// </summary>
public sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        }
    }
}
