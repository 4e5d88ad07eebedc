namespace Dyad.Analysis.Forecasting;

/// <summary>
/// How the monthly forecast learns. The defaults were chosen by log-loss on validation months — TTP in Pakistan's
/// districts (UCDP GED), 2012–2013, before any month the benchmark tests — among 200 iterations of 15 leaves, 200 of 7,
/// 400 at half the rate, 200 of 31, 100 of 15, 100 of 7 or 4, and 60 of 7: small, shrunk models did best (log-loss 0.195
/// against 0.209 for the largest), the differences among the small ones within noise.
/// </summary>
public sealed record ForecastSettings
{
    /// <summary>Months of history a unit-month needs before it is learnt from (its lags reach a year back).</summary>
    public int WarmupMonths { get; init; } = 12;

    public int Iterations { get; init; } = 60;

    public double LearningRate { get; init; } = 0.05;

    public int Leaves { get; init; } = 7;

    /// <summary>Unit-months a leaf needs at least (fewer with fewer than a hundred times as many to learn from).</summary>
    public int MinimumMonthsPerLeaf { get; init; } = 100;

    public double L2 { get; init; } = 1.0;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// LightGBM's threads. One: with two, LightGBM's native code corrupted its memory and killed the process on a store
    /// where the kind was rare (7 clashes in 85,000 unit-months); a model this small trains in a fraction of a second on one.
    /// The same seed gives the same forecast when this is the same too.
    /// </summary>
    public int Threads { get; init; } = 1;
}
