using System.ComponentModel;
using Dyad.App.Attribution;
using Dyad.Attribution.Evaluation;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Attribution;

public sealed class BacktestSettings : ModelOptions
{
    [CommandOption("--split <DAY>")]
    [Description("Train on attacks before this day, test on the attacks with a known perpetrator on and after it (yyyy-MM-dd).")]
    public string? Split { get; init; }

    public override ValidationResult Validate() =>
        Split is null ? ValidationResult.Error("--split DAY is required: the day that divides training from test attacks.")
        : DayOption.Validate(("--split", Split)) is { Successful: false } bad ? bad : base.Validate();
}

public sealed class BacktestCommand(CliOutput output, TimeProvider clock) : AsyncCommand<BacktestSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BacktestSettings settings, CancellationToken cancellationToken)
    {
        var (sources, attacks) = AttackSources.Load(settings.Db, settings.Registry);
        var split = DayOption.Parse(settings.Split)!.Value;
        var report = new Backtest(sources.Setting, clock).Run(attacks, split, settings.ToTrainingOptions(sources.Registries.Actors, until: null));
        output.Result(settings.Json, report, () => AttributionRenderer.RenderBacktest(output.Console, report));

        return Task.FromResult(ExitCodes.Success);
    }
}
