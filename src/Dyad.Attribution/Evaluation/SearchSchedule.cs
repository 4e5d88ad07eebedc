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
    /// Every 12 trainings (a year of monthly steps), or after 20% more attacks. Chosen on the searches' own validation
    /// slices (each training's newest fifth), never on a test step (bench walkforward --choices, and 'dyad model train
    /// --until' month by month): on the 12,000-attack one-country file the same booster won every search six months
    /// apart over three years, so keeping the first search's choice for all three cost 0.0% of validation log-loss; on
    /// GTD 2021, whose training sets grow by 30–50% a month, keeping the previous month's choice would have cost 0%, 0%
    /// and 2.6% (all countries) and 51%, 0% and 2.8% (Afghanistan, 248 to 759 attacks) — there the growth rule searches
    /// every month, and the figures are those of a search at every step. (Every 6 was the first default: the same
    /// models on that file's validation slices, and 43 s more of its walk-forward: 330 s against 287 s.)
    /// </summary>
    public static SearchSchedule Default { get; } = new(12, 0.2);

    /// <summary>Every training searches: the slow, exact schedule.</summary>
    public static SearchSchedule EveryTime { get; } = new(1, 0);

    /// <summary>Whether the next training searches, <paramref name="trainingsSince"/> trainings after a search on <paramref name="searchedOn"/> attacks, with <paramref name="trainingAttacks"/> now.</summary>
    public bool Due(int trainingsSince, int searchedOn, int trainingAttacks) =>
        trainingsSince >= EveryTrainings || trainingAttacks >= searchedOn * (1 + Growth);
}
