using Dyad.Attribution.Calibration;
using Dyad.Attribution.Training;

namespace Dyad.Attribution.Evaluation;

/// <summary>What a backtest tests: from a day on, in one step to the end (<see cref="Step"/> null: a single split) or in steps.</summary>
/// <param name="Retrain">How often a walk-forward trains again: every month, every quarter, or (null) once, before the first step.</param>
/// <param name="To">The first day not tested (attacks from it on are neither tested nor trained on); null: test to the newest attack.</param>
public sealed record BacktestPlan(DateOnly From, BacktestStep? Step = null, BacktestStep? Retrain = BacktestStep.Month, DateOnly? To = null)
{
    /// <summary>When a training searches for its booster, temperature and thresholds rather than reusing the last search's.</summary>
    public SearchSchedule Search { get; init; } = SearchSchedule.Default;
}

/// <summary>What a backtest found, pooled over its steps and step by step.</summary>
/// <param name="Model">The metadata of the last model trained (its groups are every step's).</param>
/// <param name="TrainingAttacks">The attacks with a known perpetrator before the first step.</param>
/// <param name="FamilyNames">The model's classes one level up (families and the groups that stand alone); empty when no two classes share a family.</param>
public sealed record BacktestReport(
    DateOnly From,
    BacktestStep? Step,
    string? Retrain,
    ModelMetadata Model,
    int TrainingAttacks,
    int TestAttacks,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<string> FamilyNames,
    IReadOnlyList<BacktestSubset> Subsets,
    IReadOnlyList<StepResult> Steps,
    double TrainSeconds,
    double ScoreSeconds,
    double AttacksScoredPerSecond,
    OutsideAgreement? NamedElsewhere = null)
{
    /// <summary>Every test attack's probabilities as its step's model gave them (for tests; not written out).</summary>
    internal IReadOnlyList<ScoredAttack> Scored { get; init; } = [];

    /// <summary>How many trainings searched (the others reused the last search's choice).</summary>
    public int Searches { get; init; }

    public SearchSchedule Search { get; init; } = SearchSchedule.Default;

    /// <summary>The steps planned (with or without test attacks); fewer were done when <see cref="Stopped"/>.</summary>
    public int PlannedSteps { get; init; }

    /// <summary>The whole backtest's time as estimated when its first step was done (what the progress said then; a single split's is its time).</summary>
    public double? EstimatedSeconds { get; init; }

    /// <summary>Stopped when asked (Ctrl-C): the figures are those of the steps done.</summary>
    public bool Stopped { get; init; }
}

/// <summary>One test attack as its step's model scored it.</summary>
internal sealed record ScoredAttack(long EventId, DateOnly Date, float[] Probabilities);

/// <summary>One step of a walk-forward: its test attacks, the model it used (trained on attacks before <see cref="TrainedUntil"/>), and its figures.</summary>
/// <param name="TrainSeconds">The time this step spent training its model; 0 when it kept the previous step's.</param>
public sealed record StepResult(DateOnly From, DateOnly To, DateOnly TrainedUntil, int TrainingAttacks, int TestAttacks, double Accuracy, double MacroF1, double Brier,
    double AttributedShare, double AttributedAccuracy, double TrainSeconds)
{
    /// <summary>This step's training searched for its settings (false: it kept the previous model, or reused the last search's choice).</summary>
    public bool Searched { get; init; }
}

/// <summary>Test-period attacks their own source calls unknown and another dataset's linked report names, and how many of them the model named alike.</summary>
public sealed record OutsideAgreement(int Attacks, int Agreed)
{
    public double Share => Attacks == 0 ? double.NaN : (double)Agreed / Attacks;
}

/// <summary>The model's and the baselines' figures on one subset of the test attacks, what the verdicts did, and the model's figures one level up.</summary>
public sealed record BacktestSubset(string Name, ClassificationMetrics Model, ClassificationMetrics Majority, ClassificationMetrics ProvinceMajority, VerdictOutcome Verdicts,
    ClassificationMetrics? Family = null);

/// <summary>One test attack's verdict, the level it was given at, and whether its group and its family were right.</summary>
public readonly record struct VerdictCase(Verdict Verdict, AttributionLevel Level, bool GroupCorrect, bool FamilyCorrect);

/// <summary>
/// How many test attacks got each verdict, and how often they were right: attributed to a group (judged on the group),
/// attributed to a family where no group reached its threshold (judged on the family), both together as each was
/// stated, and the group-level verdicts judged on their family too.
/// </summary>
public sealed record VerdictOutcome(
    int Attacks,
    int Attributed,
    double AttributedAccuracy,
    int FamilyAttributed,
    double FamilyAttributedAccuracy,
    int Leaning,
    double LeaningAccuracy,
    int CannotTell,
    double AttributedFamilyAccuracy)
{
    /// <summary>The share attributed to a group.</summary>
    public double AttributedShare => Attacks == 0 ? 0 : (double)Attributed / Attacks;

    /// <summary>The share attributed at either level.</summary>
    public double AttributedAnyShare => Attacks == 0 ? 0 : (double)(Attributed + FamilyAttributed) / Attacks;

    /// <summary>The accuracy of every attributed verdict, each judged at the level it names.</summary>
    public double AttributedAnyAccuracy { get; init; } = double.NaN;

    public static VerdictOutcome Of(IEnumerable<VerdictCase> outcomes)
    {
        var list = outcomes.ToList();
        var group = list.Where(o => o.Verdict == Verdict.Attributed && o.Level == AttributionLevel.Group).ToList();
        var family = list.Where(o => o.Verdict == Verdict.Attributed && o.Level == AttributionLevel.Family).ToList();
        var leaning = list.Where(o => o.Verdict == Verdict.Leaning).ToList();
        return new VerdictOutcome(list.Count, group.Count, Share(group, o => o.GroupCorrect), family.Count, Share(family, o => o.FamilyCorrect),
            leaning.Count, Share(leaning, o => o.GroupCorrect), list.Count(o => o.Verdict == Verdict.CannotTell), Share(group, o => o.FamilyCorrect))
        {
            AttributedAnyAccuracy = Share([.. group, .. family], o => o.Level == AttributionLevel.Group ? o.GroupCorrect : o.FamilyCorrect),
        };

        static double Share(List<VerdictCase> subset, Func<VerdictCase, bool> correct) => subset.Count == 0 ? double.NaN : subset.Average(o => correct(o) ? 1.0 : 0.0);
    }
}
