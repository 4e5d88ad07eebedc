using System.Data.Common;
using System.Globalization;

namespace Dyad.Store.Sql;

/// <summary>
/// The event store's behaviour, in SQL that DuckDB and PostgreSQL both run: one implementation of
/// <see cref="IEventStore"/> and <see cref="IRecordStore"/>, so that the two engines cannot drift apart. An engine
/// (<see cref="DuckDb.DuckDbEventStore"/>, <see cref="PostgreSql.PostgresEventStore"/>) opens the connection, brings
/// its schema up to date, and supplies what SQL does not say the same way in both: parameters, bulk writes, transactions
/// and who else may be writing.
/// </summary>
public abstract partial class SqlEventStore : IDyadStore
{
    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;

    protected SqlEventStore(DbConnection connection, string name, TimeProvider clock)
    {
        _connection = connection;
        Name = name;
        _clock = clock;
    }

    /// <summary>What the user named the store with: a file's path, or a PostgreSQL address without its password.</summary>
    public string Name { get; }

    /// <summary>Whether opening the store made it (a new DuckDB file); a PostgreSQL database is made by its administrator, never by Dyad.</summary>
    public virtual bool IsNew => false;

    /// <summary>
    /// Asks that the store be removed when disposed if this open made it: what a command calls when it failed before
    /// writing anything of the user's, so that a failed first import leaves no empty store behind.
    /// </summary>
    public virtual void DiscardIfNew()
    {
    }

    /// <summary>The store's clock: what it records as the time of imports, changes and exports.</summary>
    private protected TimeProvider Clock => _clock;

    /// <summary>
    /// An event's deaths in SQL over <c>events e</c>: the source's best figure, or where it gives only the sides' split
    /// (UCDP's GeoJSON extracts), the sum of the parts. One definition for the rivalry and the linker.
    /// </summary>
    private const string BestDeathsSql =
        "coalesce(e.deaths_best, e.deaths_actor1 + e.deaths_actor2 + coalesce(e.deaths_civilians, 0) + coalesce(e.deaths_unknown, 0))";

    /// <summary>Records what made the store: 'dyad demo' for the demo's stores, which the demo may replace.</summary>
    public void SetMadeBy(string maker)
    {
        using var command = Command(
            "INSERT INTO store_properties VALUES ('made_by', $maker) ON CONFLICT (name) DO UPDATE SET value = excluded.value", ("maker", maker));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Copies the whole store, consistently, into the new file <paramref name="target"/> while it is in use (an existing
    /// file is never overwritten); returns the backup's size in bytes.
    /// </summary>
    public abstract long BackupTo(string target);

    /// <summary>A parameter of the engine's provider for <c>$name</c> in the store's SQL.</summary>
    protected abstract DbParameter Parameter(string name, object? value);

    /// <summary>The store's SQL (parameters written <c>$name</c>) as the engine's provider takes it.</summary>
    protected virtual string Prepare(string sql) => sql;

    /// <summary>Writes rows into <paramref name="table"/> in bulk, in its column order, within the current transaction.</summary>
    private protected abstract BulkWriter Bulk(string table);

    /// <summary>
    /// Brings the planner's statistics for <paramref name="tables"/> up to date after a bulk write, where the engine
    /// plans from them: planned on the counts before a 2,000,000-row import (or on none, for a temporary table),
    /// PostgreSQL merge-joined every event with every actor name of its country and took minutes for what takes seconds.
    /// </summary>
    private protected virtual void Analyze(params string[] tables)
    {
    }

    /// <summary>A transaction for one write: the engine chooses its isolation.</summary>
    protected virtual DbTransaction BeginTransaction() => _connection.BeginTransaction();

    private protected DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = Prepare(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private protected long Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private protected void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    protected static string FirstLine(string message) => message.Split('\n', 2)[0];

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }
    }
}
