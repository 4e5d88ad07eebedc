using DuckDB.NET.Data;
using Dyad.Store.DuckDb;
using Dyad.Store.Tests.Sql;
using Dyad.Testing;

namespace Dyad.Store.Tests.DuckDb;

public sealed class SchemaTests
{
    [Fact]
    public void Should_Keep_Events_When_A_Store_Is_Opened_Again()
    {
        using var fixture = new StoreFixture();
        fixture.Import([StoreFixture.Event("1")]);

        fixture.Reopen();

        fixture.Store.CountEvents(new EventFilter()).ShouldBe(1);
    }

    [Fact]
    public void Should_Refuse_A_Store_Made_By_A_Newer_Dyad()
    {
        using var folder = new TempFolder();
        var path = folder.File("newer.duckdb");
        DuckDbEventStore.Open(path).Dispose();
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM store_properties WHERE name = 'schema_written_by'";
            command.ExecuteScalar().ShouldBe(DyadVersion.Full);
            command.CommandText = "INSERT INTO schema_versions (version) VALUES (999); UPDATE store_properties SET value = '9.9.9+abc' WHERE name = 'schema_written_by'";
            command.ExecuteNonQuery();
        }

        var error = Should.Throw<DyadException>(() => DuckDbEventStore.Open(path));

        error.Kind.ShouldBe(DyadErrorKind.Conflict);
        error.Message.ShouldContain("newer Dyad (9.9.9+abc)");
        error.Message.ShouldContain($"this one, {DyadVersion.Text}");
    }

    [Fact]
    public void Should_Refuse_A_File_That_Is_Not_A_Store()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.duckdb", "these are my notes, not a database");

        Should.Throw<DyadException>(() => DuckDbEventStore.Open(path)).Kind.ShouldBe(DyadErrorKind.BadInput);
    }
}
