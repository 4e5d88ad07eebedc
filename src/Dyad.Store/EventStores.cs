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

    /// <summary>Opens the store <paramref name="db"/>, <c>postgres://…</c> or a DuckDB file's path, which must exist: what every command that reads opens.</summary>
    /// <exception cref="DyadException">BadInput: no DuckDB file there (the message says how to make one).</exception>
    public static SqlEventStore Open(string db, TimeProvider? clock = null) =>
        IsPostgres(db) ? PostgresEventStore.Open(db, clock) : DuckDbEventStore.Open(db, clock, create: false);

    /// <summary>Opens the store <paramref name="db"/>, making a DuckDB file if there is none: for commands that write (imports, fetches, records, users, the server).</summary>
    public static SqlEventStore OpenOrCreate(string db, TimeProvider? clock = null) =>
        IsPostgres(db) ? PostgresEventStore.Open(db, clock) : DuckDbEventStore.Open(db, clock);
}
