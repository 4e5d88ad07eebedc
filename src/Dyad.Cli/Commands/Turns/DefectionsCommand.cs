using System.ComponentModel;
using Dyad.App;
using Dyad.App.Turns;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Turns;

public sealed class DefectionsSettings : RegistryJsonSettings
{
    [CommandOption("--from <PERIOD>")]
    [Description("From this year, month or day.")]
    public string? From { get; init; }

    [CommandOption("--to <PERIOD>")]
    [Description("Up to this year, month or day.")]
    public string? To { get; init; }


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
