using System.ComponentModel;
using Dyad.App.Attribution;
using Dyad.Attribution.Evaluation;
using Dyad.Attribution.Training;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Attribution;

public sealed class BacktestSettings : ModelOptions
{
    [CommandOption("--split <DAY>")]
    [Description("Train once on attacks before this day, test on the attacks with a known perpetrator on and after it (yyyy-MM-dd).")]
    public string? Split { get; init; }

    [CommandOption("--walk-forward")]
    [Description("Test step by step from --from: each step's attacks by a model that knows the perpetrators of attacks before the step only.")]
    public bool WalkForward { get; init; }

    [CommandOption("--from <DAY>")]
    [Description("The first day of the first step of a walk-forward (yyyy-MM-dd).")]
    public string? From { get; init; }

    [CommandOption("--step <STEP>")]
    [Description("month (default) or quarter: how long one step is.")]
    public string Step { get; init; } = "month";

    [CommandOption("--retrain <WHEN>")]
    [Description("month, quarter or once: how often the model is trained again (default: every step).")]
    public string? Retrain { get; init; }

    public override ValidationResult Validate()
    {
        if (WalkForward)
        {
            return Split is not null ? ValidationResult.Error("--split is a single split; a walk-forward starts at --from DAY.")
                : From is null ? ValidationResult.Error("--walk-forward needs --from DAY: the first day of the first step.")
                : ParseStep(Step) is null ? ValidationResult.Error("--step must be month or quarter.")
                : Retrain is not null && Retrain != "once" && ParseStep(Retrain) is null ? ValidationResult.Error("--retrain must be month, quarter or once.")
                : DayOption.Validate(("--from", From)) is { Successful: false } bad ? bad : base.Validate();
        }

        return Split is null ? ValidationResult.Error("Say what to test: --split DAY (train once before it) or --walk-forward --from DAY.")
            : From is not null || Retrain is not null ? ValidationResult.Error("--from and --retrain belong to --walk-forward.")
            : DayOption.Validate(("--split", Split)) is { Successful: false } bad2 ? bad2 : base.Validate();
    }

    public BacktestPlan ToPlan() => WalkForward
        ? new BacktestPlan(DayOption.Parse(From)!.Value, ParseStep(Step), Retrain == "once" ? null : ParseStep(Retrain ?? Step))
        : new BacktestPlan(DayOption.Parse(Split)!.Value);

    private static BacktestStep? ParseStep(string text) => text switch
    {
        "month" => BacktestStep.Month,
        "quarter" => BacktestStep.Quarter,
        _ => null,
    };
}

public sealed class BacktestCommand(CliOutput output, TimeProvider clock) : AsyncCommand<BacktestSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BacktestSettings settings, CancellationToken cancellationToken)
    {
        var (sources, attacks) = AttackSources.Load(settings.Db, settings.Registry);
        var report = new Backtest(sources.Setting, clock).Run(attacks, settings.ToPlan(), settings.ToTrainingOptions(sources.Registries.Actors, until: null));
        output.Result(settings.Json, report, () => AttributionRenderer.RenderBacktest(output.Console, report));

        return Task.FromResult(ExitCodes.Success);
    }
}
