namespace Dyad.Testing;

/// <summary>The engines the store's behaviour is tested on: every test of the store's behaviour runs on each.</summary>
public enum Engine
{
    DuckDb,
    Postgres,
}

/// <summary>New, empty stores for tests: a DuckDB file in a test's folder, or a PostgreSQL database of its own.</summary>
internal static class TestStores
{
    /// <summary>Names a new store (made when first opened); on PostgreSQL, skips the test when no server is configured.</summary>
    public static string NewStore(Engine engine, TempFolder folder, string name = "test") =>
        engine == Engine.DuckDb ? folder.File(name + ".duckdb") : TestServer.CreateDatabase();

    /// <summary>Removes a PostgreSQL test database (a DuckDB file goes with its folder).</summary>
    public static void Remove(Engine engine, string db)
    {
        if (engine == Engine.Postgres)
        {
            TestServer.DropDatabase(db);
        }
    }
}
