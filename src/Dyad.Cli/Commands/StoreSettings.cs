using System.ComponentModel;
using Dyad.App.Configuration;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

/// <summary>What every command that uses a store accepts.</summary>
public class StoreSettings : RegistrySettings
{
    [CommandOption("--db <STORE>")]
    [Description("The store: a DuckDB file, or a PostgreSQL database (postgres://user@host:port/database). Defaults to $DYAD_DB, else the \"db\" of a dyad.json in this folder, else the configuration's, else dyad.duckdb in your Dyad folder.")]
    public string Db { get => StoreChoice.Store; init => (_chosen, DbNamed) = (new StoreChoice(value, "--db"), true); }

    [CommandOption("--verbose")]
    [Description("Log what Dyad does on standard error: each file imported or fetched with its counts and time, each model trained, each backtest (and, for 'serve', every request).")]
    public bool Verbose { get; init; }

    /// <summary>Whether --db named the store (rather than the environment, the configuration or the default).</summary>
    public bool DbNamed { get; private init; }

    /// <summary>The store and what chose it (see <see cref="StoreChoice.Default()"/>).</summary>
    public StoreChoice StoreChoice => _chosen ??= StoreChoice.Default();

    // Read when a command first asks, not when its settings are made: a broken configuration file is then the
    // command's error, named with its file, rather than a failure to parse the command line.
    private StoreChoice? _chosen;
}
