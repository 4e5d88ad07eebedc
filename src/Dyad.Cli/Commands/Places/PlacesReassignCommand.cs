using Dyad.App;
using Dyad.App.Importing;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Places;

/// <summary>Assigns every stored event to the gazetteer's units again, after the gazetteer changed (see <see cref="Rederivation.Places"/>).</summary>
public sealed class PlacesReassignCommand(CliOutput output) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var report = Rederivation.Places(store, registries);
        var (assigned, actors) = (report.EventsAssigned ?? 0, report.Actors);
        output.Result(settings.Json, new { EventsAssigned = assigned, Actors = actors }, () => output.Console.MarkupLine($"Assigned {assigned:N0} event(s) in the gazetteer's countries to its units, and resolved {actors.NamesResolved:N0} actor name(s) again."));

        return Task.FromResult(ExitCodes.Success);
    }
}
