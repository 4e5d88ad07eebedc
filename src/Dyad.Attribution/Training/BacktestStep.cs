namespace Dyad.Attribution.Training;

/// <summary>How long one step of a walk-forward backtest is (and how often its model may be trained again).</summary>
public enum BacktestStep
{
    Month,
    Quarter,
}

/// <summary>A walk-forward's steps: every month or quarter from a first day (the anchor), before and after it.</summary>
public sealed record StepCalendar(BacktestStep Step, DateOnly Anchor)
{
    private int Months => Step == BacktestStep.Month ? 1 : 3;

    /// <summary>The first day of the step that <paramref name="day"/> falls in.</summary>
    public DateOnly StartOf(DateOnly day)
    {
        var months = ((day.Year - Anchor.Year) * 12) + day.Month - Anchor.Month;
        var start = Anchor.AddMonths(months);
        if (start > day)
        {
            months--;
        }

        var steps = (int)Math.Floor(months / (double)Months);
        return Anchor.AddMonths(steps * Months);
    }

    public DateOnly Next(DateOnly start) => start.AddMonths(Months);
}
