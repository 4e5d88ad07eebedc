using System.ComponentModel;
using Dyad.Analysis.Charts;
using Dyad.App.Rivalry;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Rivalry;

public sealed class RivalryCommandSettings : RivalrySettings
{
    [CommandOption("--out <DIR>")]
    [Description("Also write the charts (PNG and SVG: timeline, targets, province map) and rivalry.json into this folder.")]
    public string? Out { get; init; }
}

public sealed class RivalryCommand(CliOutput output) : AsyncCommand<RivalryCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RivalryCommandSettings settings, CancellationToken cancellationToken)
    {
        var rivalry = RivalryService.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var result = rivalry.Compute(store, settings.ToRequest()).Result;
        output.Result(settings.Json, result, () => RivalryRenderer.Render(output.Console, result));

        if (settings.Out is { } folder)
        {
            RivalryCharts.Write(result, rivalry.Registries.Gazetteer, folder);
            using var json = File.CreateText(Path.Combine(folder, "rivalry.json"));
            DyadJson.Write(json, result);
            output.Errors.WriteLine($"dyad: charts and rivalry.json written to {Path.GetFullPath(folder)}");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
