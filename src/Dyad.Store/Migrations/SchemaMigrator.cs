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
        var (version, writtenBy, recordsWriter) = Current(connection);
        if (version > LatestVersion)
        {
            throw new DyadException(DyadErrorKind.Conflict,
                $"{storeName}: the store has schema version {version}, made by a newer Dyad{(writtenBy is null ? "" : $" ({writtenBy})")}; this one, {DyadVersion.Text}, knows up to {LatestVersion}. Update Dyad to open it.");
        }

        // Which Dyad brought the store to each version: the column came after the table, so stores made before it gain it here.
        if (!recordsWriter)
        {
            Execute(connection, "ALTER TABLE schema_versions ADD COLUMN dyad_version TEXT");
        }

        foreach (var script in Scripts(engine).Where(s => s.Version > version).OrderBy(s => s.Version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, script.Sql);
            Execute(connection, $"INSERT INTO schema_versions (version, dyad_version) VALUES ({script.Version}, '{DyadVersion.Full.Replace("'", "''", StringComparison.Ordinal)}')");
            transaction.Commit();
        }
    }

    /// <summary>The store's schema version, the Dyad that wrote it (null for a store from before Dyad recorded it), and whether the table has the column for it.</summary>
    private static (int Version, string? WrittenBy, bool RecordsWriter) Current(DbConnection connection)
    {
        using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_versions";
        var version = Convert.ToInt32(current.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'schema_versions' AND column_name = 'dyad_version'";
        if (Convert.ToInt64(columns.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return (version, null, false);
        }

        using var writer = connection.CreateCommand();
        writer.CommandText = $"SELECT dyad_version FROM schema_versions WHERE version = {version} AND dyad_version IS NOT NULL LIMIT 1";
        return (version, writer.ExecuteScalar() as string, true);
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
