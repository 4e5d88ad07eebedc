using System.Globalization;
using Dyad.Attribution.Evaluation;

namespace Dyad.Cli.Rendering;

/// <summary>
/// A backtest's progress as lines on standard error (standard output keeps the result, and --json stays clean): the
/// plan before it starts, then each step done with the time so far and the time left, on a terminal or in a log alike.
/// </summary>
internal sealed class BacktestProgressLines(TextWriter errors) : IProgress<BacktestProgress>
{
    public void Report(BacktestProgress value)
    {
        if (value.StepsDone == 0)
        {
            errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"backtest: {value.Steps} step(s), {value.Attacks:N0} attacks to test; the first step trains on {value.TrainingAttacks:N0}. The time left is estimated after the first step; Ctrl-C stops it and shows the steps done."));
            return;
        }

        errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"backtest: step {value.StepsDone} of {value.Steps}, {value.AttacksTested:N0} of {value.Attacks:N0} attacks tested, {Duration(value.Elapsed)} so far{(value.Remaining is { } left && value.StepsDone < value.Steps ? $", about {Duration(left)} left" : "")}."));
    }

    private static string Duration(TimeSpan time) => time.TotalSeconds < 90 ? $"{time.TotalSeconds:0} s"
        : time.TotalMinutes < 90 ? $"{time.TotalMinutes:0} min" : $"{time.TotalHours:0.0} h";
}
