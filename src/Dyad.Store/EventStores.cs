using Dyad.Store.DuckDb;
using Dyad.Store.PostgreSql;
using Dyad.Store.Sql;

namespace Dyad.Store;

/// <summary>Opens the store a user names: a DuckDB file (the embedded default), or a PostgreSQL database by its address.</summary>
public static class EventStores
{
    public static bool IsPostgres(string db) => PostgresAddress.Is(db);

    /// <summary>Makes the new store <paramref name="db"/> from a backup that <see cref="SqlEventStore.BackupTo"/> made of a store of the same engine.</summary>
    public static SqlEventStore Restore(string backup, string db, TimeProvider? clock = null) =>
        IsPostgres(db) ? PostgresEventStore.Restore(backup, db, clock) : DuckDbEventStore.Restore(backup, db, clock);

    /// <summary>Opens (or creates) the store <paramref name="db"/>: <c>postgres://…</c> or a DuckDB file's path.</summary>
    public static SqlEventStore Open(string db, TimeProvider? clock = null) =>
        IsPostgres(db) ? PostgresEventStore.Open(db, clock) : DuckDbEventStore.Open(db, clock);
}
