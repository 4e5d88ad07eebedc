using Dyad.App.Configuration;
using Dyad.Cli.Commands;
using Dyad.Store;
using Dyad.Store.PostgreSql;
using Spectre.Console.Cli;

namespace Dyad.Cli.Hosting;

/// <summary>
/// Says which store a command opens when --db did not name it — the environment, a dyad.json, the configuration or
/// the default in the user's folder chose it, and the user should not have to guess. On standard error, so that JSON
/// and CSV on standard output stay clean.
/// </summary>
internal sealed class StoreAnnouncer(CliOutput output) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (settings is not StoreSettings { DbNamed: false } store)
        {
            return;
        }

        var choice = store.StoreChoice;
        var shown = EventStores.IsPostgres(choice.Store) ? PostgresAddress.Redacted(choice.Store) : choice.Store;
        output.Errors.WriteLine($"dyad: store {shown} ({choice.Origin}; --db names another)");
        // A store from before the default moved to the user's folder, left in the folder the user works in.
        if (choice.IsDefault && File.Exists(Path.Combine(Environment.CurrentDirectory, "dyad.duckdb")))
        {
            output.Errors.WriteLine($"dyad: this folder has a dyad.duckdb too: --db dyad.duckdb, or a {StoreChoice.ProjectFile} holding {{\"db\": \"dyad.duckdb\"}}, opens it.");
        }
    }
}
