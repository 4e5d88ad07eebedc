using Dyad.App;
using Dyad.App.Importing;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Incidents;

/// <summary>Links the store's events into incidents again (imports do it themselves; this is for a changed registry or gazetteer).</summary>
public sealed class IncidentsLinkCommand(CliOutput output) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var report = FileImport.Link(store, registries.Actors, cancellationToken);
        output.Result(settings.Json, report, () => Rendering.IncidentRenderer.RenderLinking(output.Console, report));
        return Task.FromResult(ExitCodes.Success);
    }
}
