using Npgsql;

namespace Dyad.Testing;

/// <summary>
/// The PostgreSQL server the store tests run on: DYAD_TEST_POSTGRES names it (scripts/test-all.sh starts a throwaway
/// cluster on loopback and sets it). Each test gets a database of its own, dropped after it.
/// </summary>
internal static class TestServer
{
    public const string Variable = "DYAD_TEST_POSTGRES";

    public static string? Address { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address ? address : null;

    public static string SkipReason =>
        $"{Variable} is not set: the PostgreSQL store tests need a server (scripts/test-all.sh starts a throwaway one; or set it to postgres://user@host:port/postgres).";

    /// <summary>Makes an empty database and returns its address.</summary>
    public static string CreateDatabase()
    {
        Assert.SkipWhen(Address is null, SkipReason);
        var name = $"dyad_test_{Guid.NewGuid():N}";
        Run($"CREATE DATABASE {name}");
        return Address![..Address!.LastIndexOf('/')] + "/" + name;
    }

    public static void DropDatabase(string address) => Run($"DROP DATABASE IF EXISTS {address[(address.LastIndexOf('/') + 1)..]} WITH (FORCE)");

    private static void Run(string sql)
    {
        var builder = Dyad.Store.PostgreSql.PostgresAddress.Parse(Address!);
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
