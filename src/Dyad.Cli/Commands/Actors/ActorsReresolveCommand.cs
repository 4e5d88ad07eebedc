using Dyad.App;
using Dyad.App.Importing;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Actors;

/// <summary>Resolves every actor name in the store again, after the registry changed, and links the incidents again (linking compares actors), in one transaction.</summary>
public sealed class ActorsReresolveCommand(CliOutput output) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        var registry = RegistryFiles.LoadActors(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var report = Rederivation.Actors(store, registry).Actors;
        output.Result(settings.Json, report, () => output.Console.MarkupLine($"Resolved {report.NamesResolved:N0} actor name(s); {report.NamesUnresolved:N0} resolve to no actor ([bold]dyad actors unresolved[/] lists them)."));

        return Task.FromResult(ExitCodes.Success);
    }
}
