using Dyad.Store.PostgreSql;
using Dyad.Store.Tests.Sql;
using Dyad.Testing;

namespace Dyad.Store.Tests.PostgreSql;

/// <summary>Naming a PostgreSQL store, what happens when it cannot be reached, and its backups.</summary>
public sealed class PostgresStoreTests
{
    [Fact]
    public void Should_Read_An_Address_As_Psql_Does()
    {
        var builder = PostgresAddress.Parse("postgres://ana:s%40cret@db.example.org:6543/rivalry?sslmode=require");

        (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database).ShouldBe(("db.example.org", 6543, "ana", "s@cret", "rivalry"));
        builder.SslMode.ShouldBe(Npgsql.SslMode.Require);
        PostgresAddress.Redacted("postgres://ana:s%40cret@db.example.org/rivalry").ShouldNotContain("cret");
        EventStores.IsPostgres("postgresql://localhost/dyad").ShouldBeTrue();
        EventStores.IsPostgres("postgres.duckdb").ShouldBeFalse("a file may be named so");
    }

    [Fact]
    public void Should_Say_What_Is_Wrong_With_An_Address()
    {
        Should.Throw<DyadException>(() => PostgresAddress.Parse("postgres://localhost/dyad?colour=blue")).Kind.ShouldBe(DyadErrorKind.BadUsage);
    }

    [Fact]
    public void Should_Say_So_When_The_Server_Cannot_Be_Reached()
    {
        var error = Should.Throw<DyadException>(() => EventStores.OpenOrCreate("postgres://dyad:secret@127.0.0.1:1/dyad?timeout=3"));

        error.Kind.ShouldBe(DyadErrorKind.Unavailable);
        error.Message.ShouldNotContain("secret", customMessage: "a password never reaches a message");
    }

    [Fact]
    public void Should_Refuse_A_Database_That_Is_Not_A_Store_Without_Writing_To_It()
    {
        var database = TestServer.CreateDatabase();
        try
        {
            var builder = PostgresAddress.Parse(database);
            using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
            {
                connection.Open();
                using var command = new Npgsql.NpgsqlCommand("CREATE TABLE field_notes (note TEXT); INSERT INTO field_notes VALUES ('mine')", connection);
                command.ExecuteNonQuery();
            }

            Should.Throw<DyadException>(() => EventStores.OpenOrCreate(database)).Kind.ShouldBe(DyadErrorKind.BadInput);

            using var check = new Npgsql.NpgsqlConnection(builder.ConnectionString);
            check.Open();
            using var tables = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", check);
            tables.ExecuteScalar().ShouldBe(1L, "only the user's own table is there");
        }
        finally
        {
            TestServer.DropDatabase(database);
        }
    }

    [Fact]
    public void Should_Back_Up_A_Store_In_Use_And_Restore_It_Into_An_Empty_Database()
    {
        using var folder = new TempFolder();
        using var fixture = new StoreFixture(Engine.Postgres);
        fixture.Import([StoreFixture.Event("1"), StoreFixture.Event("2")]);
        var backup = folder.File("team.dump");

        fixture.Store.BackupTo(backup).ShouldBeGreaterThan(0);
        var target = TestServer.CreateDatabase();
        try
        {
            using (var restored = EventStores.Restore(backup, target))
            {
                restored.CountEvents(new EventFilter()).ShouldBe(2);
            }

            Should.Throw<DyadException>(() => EventStores.Restore(backup, target)).Kind.ShouldBe(DyadErrorKind.Conflict, "a database with a store in it is never restored over");
            Should.Throw<DyadException>(() => fixture.Store.BackupTo(backup)).Kind.ShouldBe(DyadErrorKind.Conflict);
        }
        finally
        {
            TestServer.DropDatabase(target);
        }
    }
}
