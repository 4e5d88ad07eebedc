using System.ComponentModel;
using Dyad.App;
using Dyad.App.Turns;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Turns;

public sealed class TurnsListSettings : RegistryJsonSettings
{
    [CommandOption("--kind <KIND>")]
    [Description("Only turning events of this kind.")]
    public string? Kind { get; init; }

}

public sealed class TurnsListCommand(CliOutput output) : AsyncCommand<TurnsListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, TurnsListSettings settings, CancellationToken cancellationToken)
    {
        var turns = new TurnRecords(RegistryFiles.Load(settings.Registry), settings.Registry).All()
            .Where(t => settings.Kind is null || t.Kind.Equals(settings.Kind, StringComparison.OrdinalIgnoreCase)).ToList();
        output.Result(settings.Json, turns, () => TurnRenderer.RenderList(output.Console, turns));
        return Task.FromResult(ExitCodes.Success);
    }
}
