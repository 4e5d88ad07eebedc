namespace Dyad.Attribution.Evaluation;

/// <summary>
/// When a walk-forward's training searches for its booster, temperature and thresholds on its own validation slice,
/// rather than training once with the last search's choice: at the first training, then every
/// <see cref="EveryTrainings"/> trainings, or sooner once the training attacks have grown by <see cref="Growth"/> since
/// that search. A search costs the boosters' fits and a refit (four below 10,000 attacks); a reuse costs one.
/// </summary>
/// <param name="EveryTrainings">1: every training searches (as a single model's training does).</param>
public sealed record SearchSchedule(int EveryTrainings, double Growth)
{
    /// <summary>
    /// Every 6 trainings (half a year of monthly steps), or after 20% more attacks. Chosen on the searches' own
    /// validation slices (see the closing note of issue 31): searching every step, the booster chosen stayed the same
    /// from one step to the next at most steps, and where it changed, the validation log-loss of the old choice was within
    /// a few percent of the new one's.
    /// </summary>
    public static SearchSchedule Default { get; } = new(6, 0.2);

    /// <summary>Every training searches: the slow, exact schedule.</summary>
    public static SearchSchedule EveryTime { get; } = new(1, 0);

    /// <summary>Whether the next training searches, <paramref name="trainingsSince"/> trainings after a search on <paramref name="searchedOn"/> attacks, with <paramref name="trainingAttacks"/> now.</summary>
    public bool Due(int trainingsSince, int searchedOn, int trainingAttacks) =>
        trainingsSince >= EveryTrainings || trainingAttacks >= searchedOn * (1 + Growth);
}
