namespace Twinning.Module.Features.Storage;

public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    public const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
}
