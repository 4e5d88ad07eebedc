using DuckDB.NET.Data;
using Dyad.Store.DuckDb;
using Dyad.Store.PostgreSql;
using Dyad.Testing;
using Npgsql;

namespace Dyad.Store.Tests.PostgreSql;

/// <summary>
/// Each engine has its schema's migrations of its own (its types differ): the tables and columns they make must be the
/// same, name for name, or the one SQL both engines run would work on one and fail on the other.
/// </summary>
public sealed class SchemaParityTests
{
    private const string ColumnsSql =
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = '{0}' ORDER BY table_name, column_name";

    [Fact]
    public void Both_engines_make_the_same_tables_with_the_same_columns()
    {
        var address = TestServer.CreateDatabase();
        try
        {
            using var folder = new TempFolder();
            var file = folder.File("parity.duckdb");
            DuckDbEventStore.Open(file).Dispose();
            PostgresEventStore.Open(address).Dispose();

            var duck = Columns(new DuckDBConnection($"Data Source={file}"), "main");
            var postgres = Columns(new NpgsqlConnection(PostgresAddress.Parse(address).ConnectionString), "public");

            // DuckDB orders the record of changes by its rowid, a column every table has without naming it; PostgreSQL's
            // schema names one for it (0004_schema.sql).
            duck.Add("record_changes.rowid");
            duck.ShouldNotBeEmpty();
            duck.Except(postgres).ShouldBeEmpty("in DuckDB's schema, not PostgreSQL's");
            postgres.Except(duck).ShouldBeEmpty("in PostgreSQL's schema, not DuckDB's");
        }
        finally
        {
            TestServer.DropDatabase(address);
        }
    }

    private static List<string> Columns(System.Data.Common.DbConnection connection, string schema)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, ColumnsSql, schema);
            using var reader = command.ExecuteReader();
            var columns = new List<string>();
            while (reader.Read())
            {
                columns.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
            }

            return columns;
        }
    }
}
