using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// A team's store on PostgreSQL through the command line: the same commands, with --db postgres://…, give what they
/// give on a DuckDB file. Runs where a PostgreSQL server is configured (scripts/test-all.sh starts one).
/// </summary>
public sealed class PostgresCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private string? _database;

    public void Dispose()
    {
        if (_database is not null)
        {
            TestStores.Remove(Engine.Postgres, _database);
        }

        _folder.Dispose();
    }

    private static string Sample(params string[] parts) => Path.Combine([SharedData.RepositoryRoot, "data", "samples", .. parts]);

    /// <summary>Runs the analyst's day on <paramref name="db"/>: import (events and the case file's claims), then read.</summary>
    private static async Task<Dictionary<string, string>> Session(string db)
    {
        var import = await CliRun.Of("import", Sample("ucdp", "ged231_afghanistan_pakistan.csv"), Sample("article", "is-k-and-the-taliban-events.csv"),
            Sample("article", "is-k-and-the-taliban-records.json"), "--db", db, "--json");
        import.ExitCode.ShouldBe(0, import.Errors);
        var outputs = new Dictionary<string, string>();
        foreach (var command in new[]
        {
            new[] { "stats", "--json" }, ["events", "--actor", "iskp", "--from", "2019", "--to", "2020-06", "--format", "json"],
            ["rivalry", "IS-K", "Taliban", "--by", "year", "--json"], ["claims", "list", "--json"], ["sources", "list", "--json"],
            ["incidents", "list", "--json"], ["actors", "unresolved", "--json"],
        })
        {
            var run = await CliRun.Of([.. command, "--db", db]);
            run.ExitCode.ShouldBe(0, $"{string.Join(' ', command)}: {run.Errors}");
            outputs[string.Join(' ', command)] = run.Data.Replace(db, "STORE", StringComparison.Ordinal);
        }

        return outputs;
    }

    [Fact]
    public async Task The_same_commands_give_the_same_answers_on_PostgreSQL_as_on_a_DuckDB_file()
    {
        _database = TestStores.NewStore(Engine.Postgres, _folder);

        var onFile = await Session(_folder.File("analyst.duckdb"));
        var onServer = await Session(_database);

        foreach (var (command, output) in onFile)
        {
            onServer[command].ShouldBe(output, $"dyad {command}");
        }

        using var stats = JsonDocument.Parse(onServer["stats --json"]);
        stats.RootElement.GetProperty("events").GetInt64().ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_said_so_with_its_exit_code()
    {
        var run = await CliRun.Of("stats", "--db", "postgres://dyad@127.0.0.1:1/dyad?timeout=3");

        run.ExitCode.ShouldBe(5, run.Errors);
        run.Errors.ShouldContain("cannot be reached");
    }
}
