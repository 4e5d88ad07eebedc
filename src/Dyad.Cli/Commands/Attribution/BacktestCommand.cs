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

    [CommandOption("--search-every <N>")]
    [Description("A walk-forward's trainings search for their booster, temperature and thresholds every N trainings, or sooner when the training attacks have grown by a fifth; in between they train once with the last search's choice. 1: every training searches (slower). Default: 12.")]
    public int SearchEvery { get; init; } = SearchSchedule.Default.EveryTrainings;

    [CommandOption("--to <DAY>")]
    [Description("Test attacks before this day only (yyyy-MM-dd; default: to the newest attack): --walk-forward --from 2022-01-01 --to 2023-01-01 is the twelve months of 2022.")]
    public string? To { get; init; }

    public override ValidationResult Validate()
    {
        var problem = WalkForward
            ? Split is not null ? "--split is a single split; a walk-forward starts at --from DAY."
                : From is null ? "--walk-forward needs --from DAY: the first day of the first step."
                : ParseStep(Step) is null ? "--step must be month or quarter."
                : Retrain is not null && Retrain != "once" && ParseStep(Retrain) is null ? "--retrain must be month, quarter or once."
                : null
            : Split is null ? "Say what to test: --split DAY (train once before it) or --walk-forward --from DAY."
                : From is not null || Retrain is not null ? "--from and --retrain belong to --walk-forward."
                : null;
        problem ??= SearchEvery < 1 ? "--search-every must be 1 or more." : null;
        if (problem is not null)
        {
            return ValidationResult.Error(problem);
        }

        var (option, first) = WalkForward ? ("--from", From) : ("--split", Split);
        return DayOption.Validate((option, first), ("--to", To)) is { Successful: false } bad ? bad
            : To is not null && DayOption.Parse(To) <= DayOption.Parse(first) ? ValidationResult.Error($"--to {To} is the first day not tested: it must come after {option} {first}.")
            : base.Validate();
    }

    public BacktestPlan ToPlan() => WalkForward
        ? new BacktestPlan(DayOption.Parse(From)!.Value, ParseStep(Step), Retrain == "once" ? null : ParseStep(Retrain ?? Step), DayOption.Parse(To))
        {
            Search = SearchSchedule.Default with { EveryTrainings = SearchEvery, Growth = SearchEvery == 1 ? 0 : SearchSchedule.Default.Growth },
        }
        : new BacktestPlan(DayOption.Parse(Split)!.Value, To: DayOption.Parse(To));

    private static BacktestStep? ParseStep(string text) => text switch
    {
        "month" => BacktestStep.Month,
        "quarter" => BacktestStep.Quarter,
        _ => null,
    };
}

public sealed class BacktestCommand(CliOutput output, ModelTraining training) : AsyncCommand<BacktestSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BacktestSettings settings, CancellationToken cancellationToken)
    {
        var report = training.Backtest(settings.Db, settings.Registry, settings.ToRequest(), settings.ToPlan(), new BacktestProgressLines(output.Errors), cancellationToken);
        output.Result(settings.Json, report, () => AttributionRenderer.RenderBacktest(output.Console, report));

        return Task.FromResult(report.Stopped ? ExitCodes.Cancelled : ExitCodes.Success);
    }
}
