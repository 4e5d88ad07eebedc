using System.ComponentModel;
using Dyad.App;
using Dyad.App.Turns;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Turns;

public sealed class TurnsShowSettings : StoreJsonSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The turning event: its name or a part of it.")]
    public string Name { get; init; } = "";

    [CommandOption("--country <COUNTRY>")]
    [Description("Count the groups' events in this country only.")]
    public string? Country { get; init; }
}

public sealed class TurnsShowCommand(CliOutput output) : AsyncCommand<TurnsShowSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, TurnsShowSettings settings, CancellationToken cancellationToken)
    {
        var records = new TurnRecords(RegistryFiles.Load(settings.Registry), settings.Registry);
        var turn = records.Find(settings.Name);
        using var store = EventStores.Open(settings.Db);
        var dossier = records.Study(store, turn, settings.Country);
        output.Result(settings.Json, dossier, () => TurnRenderer.RenderDossier(output.Console, dossier));
        return Task.FromResult(ExitCodes.Success);
    }
}
