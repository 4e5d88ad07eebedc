using System.ComponentModel;
using Dyad.Store;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

/// <summary>What every command that uses a store accepts.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <STORE>")]
    [Description("The store: a DuckDB file, or a PostgreSQL database (postgres://user@host:port/database). Defaults to $DYAD_DB, else ./dyad.duckdb.")]
    public string Db { get; init; } = EventStores.DefaultStore;

    [CommandOption("--registry <PATH>")]
    [Description("The actor registry. Defaults to the repository's data/registry/actors.json.")]
    public string? Registry { get; init; }
}
