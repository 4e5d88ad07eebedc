using System.ComponentModel;
using Dyad.App.Configuration;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

/// <summary>What every command that uses a store accepts.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <STORE>")]
    [Description("The store: a DuckDB file, or a PostgreSQL database (postgres://user@host:port/database). Defaults to $DYAD_DB, else the configuration's \"db\", else ./dyad.duckdb.")]
    public string Db { get => _db ??= DefaultStore; init => (_db, DbNamed) = (value, true); }

    /// <summary>Whether --db named the store (rather than the environment, the configuration or the default).</summary>
    public bool DbNamed { get; private init; }

    // Read when a command first asks, not when its settings are made: a broken configuration file is then the
    // command's error, named with its file, rather than a failure to parse the command line.
    private string? _db;

    /// <summary>The store a command uses when --db names none: $DYAD_DB, else the configuration file's "db", else ./dyad.duckdb.</summary>
    public static string DefaultStore => UserConfiguration.Value(StoreVariable, "db") ?? DuckDbEventStore.DefaultPath;

    /// <summary>The environment variable that names the store: how a team points every analyst at one server.</summary>
    public const string StoreVariable = "DYAD_DB";

    /// <summary>
    /// Where a fetch keeps its pages and tokens: beside a DuckDB store's file, or, for a PostgreSQL store, in the user's
    /// cache folder under the database's address.
    /// </summary>
    public string FetchFolder => EventStores.IsPostgres(Db)
        ? Path.Combine(UserConfiguration.CacheFolder, string.Concat(Store.PostgreSql.PostgresAddress.Redacted(Db).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + ".fetch")
        : Path.GetFullPath(Db) + ".fetch";

    [CommandOption("--registry <PATH>")]
    [Description("The actor registry. Defaults to the repository's data/registry/actors.json.")]
    public string? Registry { get; init; }
}
