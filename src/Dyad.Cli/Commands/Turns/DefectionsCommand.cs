using System.ComponentModel;
using Dyad.App;
using Dyad.App.Turns;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Turns;

public sealed class DefectionsSettings : CommandSettings
{
    [CommandOption("--from <PERIOD>")]
    [Description("From this year, month or day.")]
    public string? From { get; init; }

    [CommandOption("--to <PERIOD>")]
    [Description("Up to this year, month or day.")]
    public string? To { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON.")]
    public bool Json { get; init; }

    [CommandOption("--registry <PATH>")]
    [Description("The actor registry, beside which turns.json is read.")]
    public string? Registry { get; init; }

    public override ValidationResult Validate() => DayOption.ValidatePeriod(From, To);
}

public sealed class DefectionsCommand(CliOutput output) : AsyncCommand<DefectionsSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DefectionsSettings settings, CancellationToken cancellationToken)
    {
        var defections = new TurnRecords(RegistryFiles.Load(settings.Registry), settings.Registry).Defections(DayOption.ParseFrom(settings.From), DayOption.ParseTo(settings.To));
        output.Result(settings.Json, defections, () => TurnRenderer.RenderDefections(output.Console, defections));
        return Task.FromResult(ExitCodes.Success);
    }
}
