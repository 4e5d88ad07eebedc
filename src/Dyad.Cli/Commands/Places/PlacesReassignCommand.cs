using Dyad.App;
using Dyad.App.Importing;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Places;

/// <summary>
/// Assigns every stored event to the gazetteer's units again (after the gazetteer changed), then resolves actor names
/// again (resolution uses the country the gazetteer finds for events whose source names none), and links the
/// incidents again (linking compares districts and actors), all in one transaction.
/// </summary>
public sealed class PlacesReassignCommand(CliOutput output) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var (assigned, actors) = store.Atomically(() =>
        {
            var assigned = store.AssignPlaces(registries.Gazetteer, all: true);
            var actors = store.ResolveActors(registries.Actors, all: true);
            FileImport.Link(store, registries.Actors);
            return (assigned, actors);
        });
        output.Result(settings.Json, new { EventsAssigned = assigned, Actors = actors }, () => output.Console.MarkupLine($"Assigned {assigned:N0} event(s) in the gazetteer's countries to its units, and resolved {actors.NamesResolved:N0} actor name(s) again."));

        return Task.FromResult(ExitCodes.Success);
    }
}
