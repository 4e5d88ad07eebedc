using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Dyad.Store.Migrations;

/// <summary>
/// Brings a store's schema up to the version this build knows, one numbered script at a time, each in its own
/// transaction. Scripts are embedded resources named <c>NNNN_what.sql</c>, one set per engine; a script, once released,
/// never changes. The engines share version numbers: PostgreSQL's first script makes the schema of DuckDB's version 4
/// at once, and every later version has a script for each.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>DuckDB's scripts (Migrations/*.sql).</summary>
    public const string DuckDb = "Dyad.Store.Migrations.";

    /// <summary>PostgreSQL's scripts (Migrations/PostgreSql/*.sql).</summary>
    public const string PostgreSql = "Dyad.Store.Migrations.PostgreSql.";

    /// <summary>The highest schema version this build can read and write.</summary>
    public static int LatestVersion => Scripts(DuckDb).Max(s => s.Version);

    public static void Migrate(DbConnection connection, string storeName, string engine)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        var version = Current(connection);
        if (version > LatestVersion)
        {
            var writtenBy = WrittenBy(connection);
            throw new DyadException(DyadErrorKind.Conflict,
                $"{storeName}: the store has schema version {version}, made by a newer Dyad{(writtenBy is null ? "" : $" ({writtenBy})")}; this one, {DyadVersion.Text}, knows up to {LatestVersion}. Update Dyad to open it.");
        }

        var applied = false;
        foreach (var script in Scripts(engine).Where(s => s.Version > version).OrderBy(s => s.Version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, script.Sql);
            Execute(connection, $"INSERT INTO schema_versions (version) VALUES ({script.Version})");
            transaction.Commit();
            applied = true;
        }

        // Which Dyad brought the store to its schema, for the message an older Dyad gives. In store_properties (every
        // schema has it), not a new column of schema_versions: DuckDB cannot replay an ALTER of that table from its
        // write-ahead log after a crash (its column's default calls now()).
        if (applied)
        {
            Execute(connection, $"INSERT INTO store_properties VALUES ('{WrittenByProperty}', '{DyadVersion.Full.Replace("'", "''", StringComparison.Ordinal)}') " +
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value");

            // The same DuckDB fault replays no ALTER TABLE … ADD COLUMN on a table whose other columns have such a
            // default (schema 7 adds claims' columns): a store whose import was killed before DuckDB's own checkpoint
            // could not be opened again. Written into the file now, the new schema is never replayed from the log.
            if (engine == DuckDb)
            {
                Execute(connection, "CHECKPOINT");
            }
        }
    }

    /// <summary>The property that names the Dyad that last brought the store's schema up to date.</summary>
    public const string WrittenByProperty = "schema_written_by";

    private static int Current(DbConnection connection)
    {
        using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_versions";
        return Convert.ToInt32(current.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The Dyad that last brought the store's schema up to date; null for a store from before Dyad recorded it.</summary>
    private static string? WrittenBy(DbConnection connection)
    {
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'store_properties'";
        if (Convert.ToInt64(tables.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        using var writer = connection.CreateCommand();
        writer.CommandText = $"SELECT value FROM store_properties WHERE name = '{WrittenByProperty}'";
        return writer.ExecuteScalar() as string;
    }

    private static IEnumerable<(int Version, string Sql)> Scripts(string engine)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(engine, StringComparison.Ordinal) && char.IsAsciiDigit(n[engine.Length]) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = name[engine.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
