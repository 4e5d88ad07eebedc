using Dyad.Attribution.Attacks;
using Dyad.Attribution.Training;

namespace Dyad.Attribution.Evaluation;

/// <summary>One step of a backtest as planned before it runs: its days, its attacks, and whether it trains and searches.</summary>
/// <param name="Train">A model is trained before the step (else the previous step's is kept).</param>
/// <param name="Search">That training searches for its settings (else it reuses the last search's choice).</param>
internal sealed record PlannedStep(DateOnly From, DateOnly To, int TestAttacks, int TrainingAttacks, bool Train, bool Search);

/// <summary>
/// A backtest's steps, planned from the attacks' dates before anything is trained — which steps train, which search —
/// and what the rest will cost, estimated from what the steps done have measured: LightGBM's fits take time roughly in
/// proportion to the attacks they fit, so the seconds per fitted attack so far are multiplied by the fits and training
/// attacks of the trainings to come, and each step's scoring is counted at its mean so far.
/// </summary>
internal sealed class WalkForwardSchedule
{
    private readonly TrainingOptions _options;
    private double _trainSeconds;
    private double _fittedAttacks;
    private double _scoreSeconds;
    private int _scoredSteps;

    /// <param name="labelled">The attacks with a known perpetrator in scope, in date order.</param>
    public WalkForwardSchedule(BacktestPlan plan, StepCalendar? calendar, List<Attack> labelled, TrainingOptions options)
    {
        _options = options;
        var dates = labelled.Select(a => a.Date).ToArray();
        var last = dates[^1];
        var bounds = new List<(DateOnly From, DateOnly To)>();
        if (calendar is null)
        {
            bounds.Add((plan.From, last.AddDays(1)));
        }
        else
        {
            for (var start = plan.From; start <= last; start = calendar.Next(start))
            {
                var next = calendar.Next(start);
                bounds.Add((start, plan.To is { } to && to < next ? to : next));
            }
        }

        DateOnly? trainedAt = null;
        int searchedOn = 0, trainingsSince = 0;
        foreach (var (from, to) in bounds)
        {
            var before = Before(dates, from);
            var tests = Before(dates, to) - before;
            var train = tests > 0 && (trainedAt is null || Retrain(plan, trainedAt.Value, from));
            var search = train && (searchedOn == 0 || plan.Search.Due(trainingsSince, searchedOn, before)
                || !ModelChoice.Reusable(searchedOn, before, options));
            if (search)
            {
                searchedOn = before;
                trainingsSince = 0;
            }

            if (train)
            {
                trainedAt = from;
                trainingsSince++;
            }

            Steps.Add(new PlannedStep(from, to, tests, before, train, search));
        }
    }

    public List<PlannedStep> Steps { get; } = [];

    public void Trained(int trainingAttacks, bool searched, double seconds)
    {
        _trainSeconds += seconds;
        _fittedAttacks += (double)AttributionTrainer.Fits(trainingAttacks, reusing: !searched, _options) * trainingAttacks;
    }

    public void Scored(double seconds)
    {
        _scoreSeconds += seconds;
        _scoredSteps++;
    }

    /// <summary>Where the backtest is after <paramref name="stepsDone"/> steps, with the time left estimated from what they measured.</summary>
    public BacktestProgress Progress(int stepsDone, TimeSpan elapsed)
    {
        var rest = Steps.Skip(stepsDone).ToList();
        TimeSpan? remaining = _fittedAttacks == 0 ? null : TimeSpan.FromSeconds(
            rest.Where(s => s.Train).Sum(s => (double)AttributionTrainer.Fits(s.TrainingAttacks, reusing: !s.Search, _options) * s.TrainingAttacks) * _trainSeconds / _fittedAttacks
            + (rest.Count(s => s.TestAttacks > 0) * _scoreSeconds / Math.Max(_scoredSteps, 1)));
        return new BacktestProgress(stepsDone, Steps.Count, Steps.Take(stepsDone).Sum(s => s.TestAttacks), Steps.Sum(s => s.TestAttacks),
            Steps.FirstOrDefault(s => s.Train)?.TrainingAttacks ?? 0, elapsed, remaining);
    }

    /// <summary>How many of the dates (in order) fall before <paramref name="day"/>.</summary>
    private static int Before(DateOnly[] dates, DateOnly day)
    {
        var index = Array.BinarySearch(dates, day);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && dates[index - 1] == day)
        {
            index--;
        }

        return index;
    }

    private static bool Retrain(BacktestPlan plan, DateOnly trainedAt, DateOnly from) => plan.Retrain switch
    {
        null => false,
        BacktestStep.Month => true,
        BacktestStep.Quarter => from >= trainedAt.AddMonths(3),
        _ => false,
    };
}
