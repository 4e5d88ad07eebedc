using System.ComponentModel;
using Dyad.Store.DuckDb;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

/// <summary>What every command that uses a store accepts.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("The store file. Defaults to ./dyad.duckdb.")]
    public string Db { get; init; } = DuckDbEventStore.DefaultPath;

    [CommandOption("--registry <PATH>")]
    [Description("The actor registry. Defaults to the repository's data/registry/actors.json.")]
    public string? Registry { get; init; }
}
